using Comuna.Application.Access;
using Comuna.Application.Common;
using Comuna.Domain.Common;
using Comuna.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Ledger;

public sealed record AccountInput(string? Code, string? Name, AccountKind? Kind, string? Currency, IncomeSource? Source, Guid? CouncilId);

/// <summary>Opens an account in the commune's bank. Income and expense accounts may go negative; the rest never.</summary>
public sealed class OpenAccount(IComunaDb db)
{
    public async Task<Result<Account>> ExecuteAsync(Actor actor, Guid communeId, AccountInput input, CancellationToken cancellationToken)
    {
        if (!await db.Communes.AnyAsync(c => c.Id == communeId, cancellationToken))
            return Error.NotFound("commune", communeId);
        if (!LedgerAccess.CanKeepBooks(actor, communeId))
            return await LedgerAccess.RefusalAsync(db, actor, communeId, cancellationToken);
        var code = Registry.RegistryRules.Code(input.Code);
        if (!code.IsSuccess)
            return code.Error;
        var name = Registry.RegistryRules.Name(input.Name);
        if (!name.IsSuccess)
            return name.Error;
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
            return Error.Invalid("kind", "The kind is missing: treasury, fund, enterprise, project, income or expense.");
        var currency = input.Currency?.Trim().ToUpperInvariant();
        if (!Money.IsCurrencyCode(currency))
            return Error.Invalid("currency", "The currency is a code of 3 to 8 letters: VES, USD, or a communal currency.");
        if (kind == AccountKind.Income && input.Source is null)
            return Error.Invalid("source", "Say whether this income is the commune's own revenue or state funds.");
        if (input.CouncilId is { } councilId && !await db.Councils.AnyAsync(c => c.Id == councilId && c.CommuneId == communeId, cancellationToken))
            return Error.Invalid("councilId", "That council is not a member of this commune.");
        if (await db.Accounts.AnyAsync(a => a.CommuneId == communeId && a.Code == code.Value, cancellationToken))
            return Error.Conflict("account-code-taken", $"The commune already has an account {code.Value}.");

        var account = new Account
        {
            Id = Guid.CreateVersion7(),
            CommuneId = communeId,
            CouncilId = input.CouncilId,
            Code = code.Value,
            Name = name.Value,
            Kind = kind,
            Currency = currency!,
            AllowNegative = kind is AccountKind.Income or AccountKind.Expense,
            Source = kind == AccountKind.Income ? input.Source : null,
        };
        await LedgerJournal.EnsureHeadAsync(db, communeId, cancellationToken);
        db.Accounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }
}
