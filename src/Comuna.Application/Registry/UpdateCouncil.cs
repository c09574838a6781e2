using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Registry;

/// <summary>Edits a council's name, kind, parish, declared families and rule set. Its code and
/// commune stay: those change by the registry's own procedures, not by a form.</summary>
public sealed class UpdateCouncil(IComunaDb db)
{
    public async Task<Result<CommunalCouncil>> ExecuteAsync(
        Actor actor, Guid councilId, CouncilInput input, CancellationToken cancellationToken)
    {
        var council = await db.Councils.FirstOrDefaultAsync(c => c.Id == councilId, cancellationToken);
        if (council is null)
            return Error.NotFound("council", councilId);
        if (!RegistryAccess.CanEditCouncil(actor, council))
            return RegistryAccess.Refusal(actor, council);
        var checkedInput = await CouncilValidation.CheckAsync(db, input, cancellationToken, council);
        if (!checkedInput.IsSuccess)
            return checkedInput.Error;

        council.Name = checkedInput.Value.Name;
        council.Kind = checkedInput.Value.Kind;
        council.ParishId = input.ParishId;
        council.DeclaredFamilies = checkedInput.Value.Families;
        council.RuleSetId = checkedInput.Value.Rules.Id;
        await db.SaveChangesAsync(cancellationToken);
        return council;
    }
}
