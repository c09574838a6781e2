using System.IO.Compression;
using System.Net;
using System.Text;
using Comuna.Web.FoodPlan;
using Comuna.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Hosting;

/// <summary>
/// On a poor connection the size of a page is its speed: whoever says it reads Brotli or gzip gets
/// the page compressed, and whoever says nothing gets it as it is.
/// </summary>
public sealed class PageCompressionTests
{
    [Fact]
    public async Task ARoundsPage_LeavesCompressed_ForWhoeverReadsBrotliOrGzip_AndAsItIsOtherwise()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        var councilId = await DemoCouncils.IdAsync(database, DemoCouncils.PanalFirst);
        Guid roundId;
        await using (var db = database.NewContext())
            roundId = await db.DistributionRounds.Where(r => r.CouncilId == councilId).Select(r => r.Id).FirstAsync(ct);
        using var vocera = new PageClient(server);
        await vocera.SignInAsync("vocera.panal");
        var page = $"/jornadas/{roundId}";

        var (plain, plainEncoding, _) = await FetchAsync(vocera, page, acceptEncoding: null);
        var (brotli, brotliEncoding, brotliVary) = await FetchAsync(vocera, page, "br, gzip");
        var (gzip, gzipEncoding, _) = await FetchAsync(vocera, page, "gzip");

        Assert.Null(plainEncoding);
        Assert.Equal("br", brotliEncoding);
        Assert.Equal("gzip", gzipEncoding);
        // A cache between here and the phone must not hand the compressed page to whoever cannot read it.
        Assert.Contains("Accept-Encoding", brotliVary);
        // The allocation of every household of the council: the page that weighs most on a phone.
        Assert.True(plain.Length > 100_000, $"The round's page is {plain.Length} bytes: too small to show what compression saves.");
        Assert.True(brotli.Length * 10 < plain.Length, $"Brotli left {brotli.Length} of {plain.Length} bytes.");
        Assert.True(gzip.Length * 10 < plain.Length, $"Gzip left {gzip.Length} of {plain.Length} bytes.");
        var fromBrotli = Text(new BrotliStream(new MemoryStream(brotli), CompressionMode.Decompress));
        var fromGzip = Text(new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress));
        var asItIs = Encoding.UTF8.GetString(plain);
        Assert.Equal(WithoutToken(asItIs), WithoutToken(fromBrotli));
        Assert.Equal(WithoutToken(asItIs), WithoutToken(fromGzip));
        // Why compression is safe behind TLS too: the one secret a page holds is never repeated as is.
        Assert.NotEqual(PageClient.TokenPattern().Match(asItIs).Groups[1].Value, PageClient.TokenPattern().Match(fromBrotli).Groups[1].Value);
    }

    [Fact]
    public async Task TheApisProblems_LeaveCompressedToo_ButPdfsAsTheyAre()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = new PageClient(server);

        var (_, problemEncoding, _) = await FetchAsync(client, "/api/v1/no-such-thing", "gzip");
        var (pdf, pdfEncoding, _) = await FetchAsync(client, $"/plan-alimentario/ejecuciones/{DemoFoodPlan.Id}?handler=Pdf", "br, gzip");

        Assert.Equal("gzip", problemEncoding);
        Assert.Null(pdfEncoding);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
    }

    private static async Task<(byte[] Body, string? Encoding, string Vary)> FetchAsync(PageClient client, string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {response.StatusCode}.");
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        return (body, response.Content.Headers.ContentEncoding.SingleOrDefault(), string.Join(",", response.Headers.Vary));
    }

    private static string Text(Stream decompressing)
    {
        using var reader = new StreamReader(decompressing, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string WithoutToken(string html) => PageClient.TokenPattern().Replace(html, "token");
}
