namespace Comuna.Domain.Registry;

/// <summary>
/// A person of the census. Whether they may vote is computed from <see cref="BirthDate"/> on the
/// day that matters (<see cref="Eligibility"/>), never stored: a stored flag would be wrong on
/// the resident's fifteenth birthday.
/// </summary>
public sealed class Resident
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Household? Household { get; set; }

    /// <summary>The national identity card number (cédula), unique in the country.</summary>
    public required string NationalId { get; set; }

    public required string FirstNames { get; set; }
    public required string LastNames { get; set; }
    public DateOnly BirthDate { get; set; }
    public Sex Sex { get; set; }

    public string FullName => $"{FirstNames} {LastNames}";
}
