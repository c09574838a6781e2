using System.Net;
using System.Text.RegularExpressions;
using Comuna.Application.Demo;

namespace Comuna.Web.Tests.Pages;

/// <summary>
/// A browser without a browser: keeps cookies, follows redirects, and fills in forms the way a
/// person does, by first loading the form so that its antiforgery token comes along.
/// </summary>
public sealed partial class PageClient : IDisposable
{
    private readonly HttpClient _client;

    public PageClient(ComunaServer server)
    {
        Cookies = new CookieContainer();
        _client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = true })
        {
            BaseAddress = server.BaseAddress,
        };
    }

    public CookieContainer Cookies { get; }

    /// <summary>A form's antiforgery token, as the pages write it.</summary>
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    public static partial Regex TokenPattern();

    /// <summary>The page at <paramref name="path"/>, after redirects.</summary>
    public Task<HttpResponseMessage> GetAsync(string path) =>
        _client.GetAsync(path, TestContext.Current.CancellationToken);

    /// <summary>Sends <paramref name="request"/> with the client's cookies, as it stands (headers included).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) =>
        _client.SendAsync(request, TestContext.Current.CancellationToken);

    /// <summary>The HTML of the page at <paramref name="path"/>, with entities decoded; fails unless it answers 200.</summary>
    public async Task<string> HtmlAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await TextAsync(response);
    }

    /// <summary>Loads the form at <paramref name="formPath"/> and submits <paramref name="fields"/> to <paramref name="postPath"/> (the form itself by default).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string formPath, IEnumerable<KeyValuePair<string, string>> fields, string? postPath = null)
    {
        var form = await HtmlAsync(formPath);
        var token = TokenPattern().Match(form);
        Assert.True(token.Success, $"The page {formPath} has no antiforgery token.");
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))));
        return await _client.PostAsync(postPath ?? formPath, content, TestContext.Current.CancellationToken);
    }

    /// <summary>Loads the form at <paramref name="formPath"/> and uploads <paramref name="file"/> in its
    /// file input <paramref name="fileField"/>, as a browser sends a multipart form.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string formPath, string fileField, string fileName, byte[] file)
    {
        var form = await HtmlAsync(formPath);
        var token = TokenPattern().Match(form);
        Assert.True(token.Success, $"The page {formPath} has no antiforgery token.");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new ByteArrayContent(file), fileField, fileName },
        };
        return await _client.PostAsync(formPath, content, TestContext.Current.CancellationToken);
    }

    /// <summary>Signs in through the sign-in page, as a person would.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string username, string password = SeedDemo.Password, string? returnUrl = null) =>
        await SubmitAsync(returnUrl is null ? "/cuenta/entrar" : $"/cuenta/entrar?returnUrl={Uri.EscapeDataString(returnUrl)}",
        [
            new("Input.Username", username),
            new("Input.Password", password),
            new("ReturnUrl", returnUrl ?? ""),
        ]);

    public static async Task<string> TextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    public void Dispose() => _client.Dispose();
}
