namespace Comuna.Domain.Registry;

/// <summary>The organ of the council a spokesperson is elected to; a person may stand for one only.</summary>
public enum SpokespersonUnit
{
    /// <summary>The executive unit, through one of its work committees.</summary>
    Executive,

    /// <summary>The administrative and financial unit (UAFC).</summary>
    FinanceUnit,

    /// <summary>Social oversight (contraloría social).</summary>
    SocialOversight,

    /// <summary>The electoral commission.</summary>
    ElectoralCommission,
}
