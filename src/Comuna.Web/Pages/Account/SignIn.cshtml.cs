using Comuna.Application.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Comuna.Web.Pages.Account;

/// <summary>Signs in with a username and password into the cookie the pages use. Failed
/// attempts count towards a lockout, so that a password cannot be guessed by trying.</summary>
public sealed class SignInModel(
    SignInManager<ComunaUser> signIn, IOptions<IdentityOptions> identity, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public SignInForm Input { get; set; } = new();

    /// <summary>Where to go after signing in; only a path of this site is followed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        if (string.IsNullOrWhiteSpace(Input.Username) || string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError(string.Empty, localizer["Write your username and password."]);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Input.Username.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        var message = result.IsLockedOut
            ? string.Format(localizer["Too many failed attempts: this account is locked for {0} minutes."], identity.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes)
            : localizer["Wrong username or password."];
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }
}
