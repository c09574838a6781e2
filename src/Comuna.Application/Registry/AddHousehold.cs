using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Registry;

public sealed record HouseholdInput(string? Code, string? Address);

/// <summary>Adds a household to a council's census, by hand rather than by file.</summary>
public sealed class AddHousehold(IComunaDb db)
{
    public async Task<Result<Household>> ExecuteAsync(
        Actor actor, Guid councilId, HouseholdInput input, CancellationToken cancellationToken)
    {
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == councilId, cancellationToken);
        if (council is null)
            return Error.NotFound("council", councilId);
        if (!RegistryAccess.CanEditCouncil(actor, council))
            return RegistryAccess.Refusal(actor, council);
        var code = ResidentRules.HouseholdCode(input.Code);
        if (!code.IsSuccess)
            return code.Error;
        var address = ResidentRules.Address(input.Address);
        if (!address.IsSuccess)
            return address.Error;
        if (await db.Households.AnyAsync(h => h.CouncilId == councilId && h.Code == code.Value, cancellationToken))
            return Error.Conflict("household-code-taken", $"The council already has a household with code {code.Value}.");

        var household = new Household { Id = Guid.CreateVersion7(), CouncilId = councilId, Code = code.Value, Address = address.Value };
        db.Households.Add(household);
        await db.SaveChangesAsync(cancellationToken);
        return household;
    }
}
