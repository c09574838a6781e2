namespace Comuna.Web.Access;

/// <summary>The authentication scheme that sends each request to the bearer token or the cookie.</summary>
public static class AccountSchemes
{
    public const string Default = "comuna";
}
