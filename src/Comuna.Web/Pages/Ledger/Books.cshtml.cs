using Comuna.Application.Ledger;
using Comuna.Application.Registry;
using Comuna.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Ledger;

/// <summary>
/// The commune's books as its residents read them: every account's balance, the latest movements,
/// the latest movements first, and income by source month by month — own revenue against state funds.
/// </summary>
[Authorize]
public sealed class BooksModel(LedgerQueries ledger, RegistryQueries registry, CurrentActor current) : PageModel
{
    public const int PageSize = 50;

    public CommuneView Commune { get; private set; } = null!;
    public IReadOnlyList<AccountView> Accounts { get; private set; } = [];
    public IReadOnlyList<TransferView> Movements { get; private set; } = [];
    public IReadOnlyList<IncomeMonth> Income { get; private set; } = [];
    public IReadOnlyDictionary<Guid, MandateView> Mandates { get; private set; } = new Dictionary<Guid, MandateView>();
    public long? Before { get; private set; }

    /// <summary>Whether the reader is of the finance unit, and so is offered the page to keep the books.</summary>
    public bool CanKeep { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "antes")] long? before, CancellationToken cancellationToken)
    {
        var commune = await registry.CommuneAsync(id, cancellationToken);
        var actor = await current.GetAsync(cancellationToken);
        var accounts = await ledger.AccountsAsync(actor, id, cancellationToken);
        if (!commune.IsSuccess || !accounts.IsSuccess)
            return NotFound();
        Commune = commune.Value;
        CanKeep = LedgerAccess.CanKeepBooks(actor, id);
        Accounts = accounts.Value;
        Before = before;
        Movements = (await ledger.RecentTransfersAsync(actor, id, before, PageSize, cancellationToken)).Value;
        Income = (await ledger.IncomeBySourceAsync(actor, id, cancellationToken)).Value;
        Mandates = (await ledger.MandatesAsync(actor, id, cancellationToken)).Value.ToDictionary(m => m.DecisionId);
        return Page();
    }

    /// <summary>The mandate a payment was made under, whose acta the books link to.</summary>
    public MandateView? Mandate(Guid decisionId) => Mandates.GetValueOrDefault(decisionId);

    public string AccountName(Guid accountId) => Accounts.FirstOrDefault(a => a.Id == accountId)?.Name ?? "?";

    /// <summary>Minor units as a person reads them: 1.234,50.</summary>
    public static string Amount(long minor) => (minor / 100m).ToString("N2", System.Globalization.CultureInfo.CurrentCulture);
}
