namespace Comuna.Domain.Access;

/// <summary>The kebab-case names roles carry in the API, the docs and the demo data.</summary>
public static class RoleNames
{
    public static string ToWire(this Role role) => role switch
    {
        Role.Resident => "resident",
        Role.Spokesperson => "spokesperson",
        Role.Finance => "finance",
        Role.Oversight => "oversight",
        Role.CommuneAdmin => "commune-admin",
        Role.NationalCoordinator => "national-coordinator",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    public static Role? FromWire(string name) =>
        Enum.GetValues<Role>().Cast<Role?>().FirstOrDefault(r => r!.Value.ToWire() == name);
}
