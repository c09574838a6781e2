using Microsoft.AspNetCore.Identity;

namespace Comuna.Application.Access;

/// <summary>A person who signs in. What they may do comes from their role assignments, not from this row.</summary>
public sealed class ComunaUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
