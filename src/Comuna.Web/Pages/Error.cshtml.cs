using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages;

/// <summary>
/// What a page shows instead of an empty error: the status code pages re-run the request here,
/// keeping its status. A refused form comes here too, by POST, and must not be refused again
/// for its antiforgery token.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;

    public void OnPost(int code) => Code = code;
}
