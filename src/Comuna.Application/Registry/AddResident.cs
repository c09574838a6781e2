using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Registry;

public sealed record ResidentInput(string? NationalId, string? FirstNames, string? LastNames, DateOnly? BirthDate, string? Sex);

/// <summary>Adds a person to a household. A person lives in one household in the whole country.</summary>
public sealed class AddResident(IComunaDb db, TimeProvider clock)
{
    public async Task<Result<Resident>> ExecuteAsync(
        Actor actor, Guid householdId, ResidentInput input, CancellationToken cancellationToken)
    {
        var household = await db.Households.AsNoTracking().Include(h => h.Council)
            .FirstOrDefaultAsync(h => h.Id == householdId, cancellationToken);
        if (household is null)
            return Error.NotFound("household", householdId);
        if (!RegistryAccess.CanEditCouncil(actor, household.Council!))
        {
            return RegistryAccess.CanReadCensus(actor, household.Council!)
                ? RegistryAccess.Refusal(actor, household.Council!)
                : Error.NotFound("household", householdId);
        }

        var nationalId = ResidentRules.NationalId(input.NationalId);
        if (!nationalId.IsSuccess)
            return nationalId.Error;
        var firstNames = ResidentRules.Name("first_names", input.FirstNames);
        if (!firstNames.IsSuccess)
            return firstNames.Error;
        var lastNames = ResidentRules.Name("last_names", input.LastNames);
        if (!lastNames.IsSuccess)
            return lastNames.Error;
        if (input.BirthDate is not { } birth)
            return Error.Invalid("birth_date", "The birth date is missing.");
        var birthDate = ResidentRules.BirthDate(birth, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (!birthDate.IsSuccess)
            return birthDate.Error;
        var sex = ResidentRules.Sex(input.Sex);
        if (!sex.IsSuccess)
            return sex.Error;
        if (await db.Residents.AnyAsync(r => r.NationalId == nationalId.Value, cancellationToken))
            return Error.Conflict("person-in-two-households", $"The person {nationalId.Value} is already in a household.");

        var resident = new Resident
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = householdId,
            NationalId = nationalId.Value,
            FirstNames = firstNames.Value,
            LastNames = lastNames.Value,
            BirthDate = birthDate.Value,
            Sex = sex.Value,
        };
        db.Residents.Add(resident);
        await db.SaveChangesAsync(cancellationToken);
        return resident;
    }
}
