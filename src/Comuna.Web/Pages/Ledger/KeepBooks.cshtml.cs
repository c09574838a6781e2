using Comuna.Application.Ledger;
using Comuna.Application.Registry;
using Comuna.Domain.Common;
using Comuna.Web.Access;
using Comuna.Web.Pages.Deliberation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.Ledger;

/// <summary>
/// Where the commune's finance unit keeps the books: records a movement (under a mandate when it
/// spends common funds), approves another person's large outflow, opens an account. Only the
/// finance unit sees it; everyone else reads the books on <see cref="BooksModel"/>.
/// </summary>
[Authorize]
public sealed class KeepBooksModel(
    LedgerQueries ledger, RegistryQueries registry, CurrentActor current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public TransferForm Transfer { get; set; } = new();

    [BindProperty]
    public AccountForm NewAccount { get; set; } = new();

    /// <summary>What the last action did, shown once after the redirect.</summary>
    [TempData]
    public string? Notice { get; set; }

    public CommuneView Commune { get; private set; } = null!;
    public IReadOnlyList<AccountView> Accounts { get; private set; } = [];
    public IReadOnlyList<MandateView> Mandates { get; private set; } = [];
    public IReadOnlyList<PendingView> Pending { get; private set; } = [];
    public string? UserId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Transfer.Id = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostTransferAsync(Guid id, [FromServices] PostTransfer post, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        var amount = MoneyInput.ToMinorUnits(Transfer.Amount);
        if (amount is null)
            ModelState.AddModelError("Transfer.Amount", localizer["Write the amount, for example 1.500,50."]);
        var currency = Accounts.FirstOrDefault(a => a.Id == Transfer.DebitAccountId)?.Currency;
        if (!ModelState.IsValid)
            return Page();
        var posted = await post.ExecuteAsync(await current.GetAsync(cancellationToken), id, new TransferInput(
            Transfer.Id, Transfer.DebitAccountId, Transfer.CreditAccountId, amount!.Value, currency, Transfer.Memo, Transfer.DecisionId, null), cancellationToken);
        if (!posted.IsSuccess)
        {
            FormErrors.Add(ModelState, posted.Error, localizer, "Transfer");
            return Page();
        }
        Notice = posted.Value.Transfer is { } t
            ? string.Format(localizer["Movement #{0} recorded."].Value, t.Sequence)
            : localizer["Recorded: the outflow waits for the approval of another person of the finance unit."].Value;
        return Redirect($"/comunas/{id}/cuentas/registrar");
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, Guid transferId, [FromServices] ApproveTransfer approve, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        var approved = await approve.ExecuteAsync(await current.GetAsync(cancellationToken), id, transferId, cancellationToken);
        if (!approved.IsSuccess)
        {
            ModelState.AddModelError(string.Empty, FormErrors.Message(approved.Error, localizer));
            Transfer.Id = Guid.NewGuid();
            return Page();
        }
        Notice = string.Format(localizer["Movement #{0} recorded."].Value, approved.Value.Transfer!.Sequence);
        return Redirect($"/comunas/{id}/cuentas/registrar");
    }

    public async Task<IActionResult> OnPostAccountAsync(Guid id, [FromServices] OpenAccount open, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        var opened = await open.ExecuteAsync(await current.GetAsync(cancellationToken), id, new AccountInput(
            NewAccount.Code, NewAccount.Name, NewAccount.Kind, NewAccount.Currency, NewAccount.Kind == Domain.Ledger.AccountKind.Income ? NewAccount.Source : null, null),
            cancellationToken);
        if (!opened.IsSuccess)
        {
            FormErrors.Add(ModelState, opened.Error, localizer, "NewAccount", new Dictionary<string, string> { ["account-code-taken"] = "Code" });
            Transfer.Id = Guid.NewGuid();
            return Page();
        }
        Notice = string.Format(localizer["Account {0} opened."].Value, opened.Value.Code);
        return Redirect($"/comunas/{id}/cuentas/registrar");
    }

    public string AccountName(Guid accountId) => Accounts.FirstOrDefault(a => a.Id == accountId) is { } a ? $"{a.Code} {a.Name}" : "?";

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var actor = await current.GetAsync(cancellationToken);
        var commune = await registry.CommuneAsync(id, cancellationToken);
        if (!commune.IsSuccess || !LedgerAccess.CanKeepBooks(actor, id))
            return false;
        Commune = commune.Value;
        UserId = actor.UserId;
        Accounts = (await ledger.AccountsAsync(actor, id, cancellationToken)).Value;
        Mandates = (await ledger.MandatesAsync(actor, id, cancellationToken)).Value;
        Pending = (await ledger.PendingAsync(actor, id, cancellationToken)).Value;
        return true;
    }
}
