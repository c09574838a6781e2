using Comuna.Application.Access;
using Microsoft.AspNetCore.Identity;

namespace Comuna.Web.Api;

/// <summary>Bearer tokens for programs: <c>POST /api/v1/auth/token</c> with a username and password.</summary>
public static class AuthApi
{
    public sealed record TokenRequest(string? Username, string? Password);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/token", IssueTokenAsync)
            .WithSummary("Exchanges a username and password for a bearer token { accessToken, expiresIn }.");
        return app;
    }

    private static async Task<IResult> IssueTokenAsync(
        TokenRequest request, UserManager<ComunaUser> users, SignInManager<ComunaUser> signIn)
    {
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password))
            return ApiResults.Problem(Domain.Common.Error.Invalid("username", "Send a username and a password."));
        var user = await users.FindByNameAsync(request.Username.Trim());
        if (user is null)
            return InvalidCredentials();
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return TypedResults.Problem(
                detail: "Too many failed sign-ins: this account is locked for a while.",
                statusCode: StatusCodes.Status423Locked, title: "locked-out",
                extensions: new Dictionary<string, object?> { ["code"] = "locked-out" });
        }
        if (!check.Succeeded)
            return InvalidCredentials();
        var principal = await signIn.CreateUserPrincipalAsync(user);
        // The bearer handler answers { tokenType, accessToken, expiresIn, refreshToken }.
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static IResult InvalidCredentials() => TypedResults.Problem(
        detail: "The username or the password is wrong.",
        statusCode: StatusCodes.Status401Unauthorized, title: "invalid-credentials",
        extensions: new Dictionary<string, object?> { ["code"] = "invalid-credentials" });
}
