using Comuna.Application.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comuna.Web.Pages.Account;

/// <summary>Signs out. Only by POST, so that a link or an image elsewhere cannot sign anyone out.</summary>
public sealed class SignOutModel(SignInManager<ComunaUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
