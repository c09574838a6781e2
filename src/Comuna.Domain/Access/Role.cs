namespace Comuna.Domain.Access;

/// <summary>
/// The roles a person holds, each scoped to a council or a commune (docs/permissions.md says
/// what each may do). Their wire names are kebab-case: <c>commune-admin</c>.
/// </summary>
public enum Role
{
    /// <summary>A resident of a council: sees their own household and their council.</summary>
    Resident,

    /// <summary>An elected spokesperson of a council (with a committee): keeps its registry and census.</summary>
    Spokesperson,

    /// <summary>The administrative and financial unit of a council or commune.</summary>
    Finance,

    /// <summary>Social oversight: reads everything of its council or commune, writes nothing it audits.</summary>
    Oversight,

    /// <summary>Administers a commune and its councils.</summary>
    CommuneAdmin,

    /// <summary>Coordinates at national level: reads everything, founds communes.</summary>
    NationalCoordinator,
}
