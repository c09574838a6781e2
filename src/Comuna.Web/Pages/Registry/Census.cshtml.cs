using Comuna.Application.Access;
using Comuna.Application.Registry;
using Comuna.Application.Registry.Census;
using Comuna.Domain.Common;
using Comuna.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Comuna.Web.Pages.Registry;

/// <summary>
/// A council's census file: upload one (all or nothing, with every bad row listed by line) and
/// download the census as the same CSV.
/// </summary>
[Authorize]
public sealed class CensusModel(
    ImportCensus importCensus, RegistryQueries queries, CurrentActor current, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public CouncilView Council { get; private set; } = null!;

    public bool CanImport { get; private set; }

    /// <summary>The outcome of the file just sent, shown on the same page.</summary>
    public CensusImportReport? Report { get; private set; }

    /// <summary>A bad row's problem in the page's language, with the values the file had.</summary>
    public string Problem(CensusRowError row) =>
        row.Text is { } text ? LocalizedText.Of(text, localizer) : row.Message;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !CanImport)
            return NotFound();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), localizer["Choose a census file (CSV) to upload."]);
            return Page();
        }
        await using var stream = Upload.OpenReadStream();
        var imported = await importCensus.ExecuteAsync(await current.GetAsync(cancellationToken), id, stream, null, cancellationToken);
        if (!imported.IsSuccess)
        {
            if (imported.Error.Kind == ErrorKind.NotFound)
                return NotFound();
            ModelState.AddModelError(nameof(Upload), FormErrors.Message(imported.Error, localizer));
            return Page();
        }
        Report = imported.Value;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var council = await queries.CouncilAsync(id, cancellationToken);
        if (!council.IsSuccess)
            return false;
        var actor = await current.GetAsync(cancellationToken);
        var domain = council.Value.AsCouncil();
        if (!RegistryAccess.CanReadCensus(actor, domain))
            return false;
        Council = council.Value;
        CanImport = RegistryAccess.CanEditCouncil(actor, domain);
        return true;
    }
}
