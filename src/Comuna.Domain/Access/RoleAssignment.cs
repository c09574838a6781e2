namespace Comuna.Domain.Access;

/// <summary>
/// One role of one user, in one scope: a council (resident, spokesperson, and finance or oversight
/// of a council), a commune (commune-admin, and finance or oversight of a commune) or the nation.
/// </summary>
public sealed class RoleAssignment
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public Role Role { get; set; }
    public Guid? CouncilId { get; set; }
    public Guid? CommuneId { get; set; }

    /// <summary>For a resident, the census record they are; lets them see their own household.</summary>
    public Guid? ResidentId { get; set; }

    /// <summary>For a spokesperson, the work committee they speak for.</summary>
    public string? Committee { get; set; }
}
