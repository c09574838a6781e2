using System.Net;
using System.Text;
using Comuna.Web.Pages.FoodPlan;

namespace Comuna.Web.Tests.Pages;

public sealed class FoodPlanPageTests
{
    [Theory, BothEngines]
    public async Task Spokesperson_UploadsAPlan_AndReadsBothPolicies_TheImportGap_AndTheDeliveryOrders(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var page = new PageClient(server);
        await page.SignInAsync("residente.panal");

        using var planned = await page.UploadAsync("/plan-alimentario", "Upload", "plan.json", Encoding.UTF8.GetBytes(PlanModel.Example));
        var html = await PageClient.TextAsync(planned);

        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);
        Assert.Contains("óptimo demostrado", html, StringComparison.Ordinal);
        // Production-first: the farm's 100 t of plantain and 60 t of maize fill the 160 t road and
        // nothing is lost; import-first fills Barquisimeto from the port and the harvest rots.
        var comparison = Table(html, "comparison");
        Assert.Matches(@"Producción primero</td>\s*<td class=""n"">0</td>\s*<td class=""n"">70</td>", comparison);
        Assert.Matches(@"Importación primero \(CLAP\)</td>\s*<td class=""n"">160</td>\s*<td class=""n"">230</td>", comparison);
        Assert.Matches(@"<td>maiz</td><td class=""n"">80</td><td class=""n"">60</td><td class=""n"">20</td><td class=""n"">0</td>", Table(html, "gap"));
        Assert.Matches(@"<td>sarare</td><td>platano</td><td class=""n"">50</td><td class=""n"">50</td>", Table(html, "places"));

        var json = Field(html, "Json");
        using var csv = await page.SubmitAsync("/plan-alimentario", [new("Json", json), new("Policy", "production-first")], "/plan-alimentario?handler=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("from,to,product,quantity,origin", lines[0]);
        Assert.Contains("el-maizal,barquisimeto,platano,100,domestic", lines);
        Assert.Contains("el-maizal,barquisimeto,maiz,60,domestic", lines);
        Assert.Contains("puerto-cabello,sarare,platano,50,import", lines);
    }

    [Theory, BothEngines]
    public async Task Plan_ABadEntry_IsShownNamingIt(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var page = new PageClient(server);
        await page.SignInAsync("residente.panal");
        var bad = PlanModel.Example.Replace("\"to\": \"sarare\"", "\"to\": \"atlantida\"", StringComparison.Ordinal);

        using var refused = await page.SubmitAsync("/plan-alimentario", [new("Json", bad), new("Policy", "production-first")]);
        var html = await PageClient.TextAsync(refused);

        Assert.Contains("routes[2] (puerto-cabello → atlantida) goes nowhere: unknown place \"atlantida\" in to.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"comparison\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliveryOrders_AsPdf_ListWhatEachCommuneSendsAndReceives()
    {
        if (!File.Exists("/usr/bin/pdftotext"))
            Assert.Skip("pdftotext is not installed (apt-get install poppler-utils): the orders' text cannot be read back.");
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var page = new PageClient(server);
        await page.SignInAsync("residente.panal");

        using var pdf = await page.SubmitAsync("/plan-alimentario", [new("Json", PlanModel.Example), new("Policy", "production-first")], "/plan-alimentario?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var file = Path.Combine(Path.GetTempPath(), $"ordenes-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, await pdf.Content.ReadAsByteArrayAsync(ct), ct);
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/pdftotext", ["-layout", file, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            Assert.Contains("Órdenes de entrega", text, StringComparison.Ordinal);
            Assert.Contains("Lo que envía cada comuna", text, StringComparison.Ordinal);
            Assert.Contains("Lo que recibe cada comuna", text, StringComparison.Ordinal);
            Assert.Matches(@"→ .+: 100,00 t .*\(Nacional\)", text);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Table(string html, string id)
    {
        var start = html.IndexOf($"<table id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {id}");
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    private static string Field(string html, string name)
    {
        var start = html.IndexOf($"name=\"{name}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no field {name}");
        start += $"name=\"{name}\">".Length;
        return html[start..html.IndexOf("</textarea>", start, StringComparison.Ordinal)];
    }
}
