using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Registry;

public sealed class CensusApiTests
{
    private const string Panal = "DC-PANAL2021-CC01";

    private const string Families = """
        household_code,national_id,first_names,last_names,birth_date,sex,address
        W-001,E-90000001,Ana,Pérez,1980-02-29,F,"Calle 5, casa 12"
        W-001,E-90000002,José,Pérez,2015-12-31,M,"Calle 5, casa 12"
        W-002,E-90000003,Luisa,Gómez,1950-01-01,F,Vereda El Río 3
        """;

    [Theory, BothEngines]
    public async Task PostCensus_SpokespersonWithCsvBody_Returns200ReportAndSavesRows(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = await server.SignedInAsync("vocera.panal");
        var councilId = await CouncilIdAsync(database);

        var response = await client.PostAsync($"/api/v1/councils/{councilId}/census", Csv(Families), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(report.GetProperty("succeeded").GetBoolean());
        Assert.Equal(3, report.GetProperty("rows").GetInt32());
        Assert.Equal(2, report.GetProperty("householdsCreated").GetInt32());
        Assert.Equal(3, report.GetProperty("residentsCreated").GetInt32());
        await using var db = database.NewContext();
        Assert.Equal(2, await db.Residents.CountAsync(r => r.Household!.Code == "W-001" && r.Household.CouncilId == councilId, TestContext.Current.CancellationToken));
    }

    [Theory, BothEngines]
    public async Task PostCensus_MultipartFileField_IsImportedLikeARawBody(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = await server.SignedInAsync("vocera.panal");
        var councilId = await CouncilIdAsync(database);
        using var form = new MultipartFormDataContent { { Csv(Families), "file", "censo.csv" } };

        var response = await client.PostAsync($"/api/v1/councils/{councilId}/census", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(3, report.GetProperty("residentsCreated").GetInt32());
    }

    [Theory, BothEngines]
    public async Task PostCensus_BadRows_Returns422ProblemWithTheReportAndSavesNothing(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = await server.SignedInAsync("vocera.panal");
        var councilId = await CouncilIdAsync(database);
        var bad = Families + "\nW-003,E-90000001,Otra,Vez,1990-01-01,F,Calle 9\nW-003,E-90000004,Mal,Sexo,1990-01-01,Q,Calle 9";

        var response = await client.PostAsync($"/api/v1/councils/{councilId}/census", Csv(bad), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("census-invalid", problem.GetProperty("code").GetString());
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.False(problem.GetProperty("succeeded").GetBoolean());
        Assert.Equal(2, problem.GetProperty("errorCount").GetInt32());
        Assert.Equal(
            [(5, "duplicate-national-id"), (6, "invalid-field")],
            problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("code").GetString())));
        await using var db = database.NewContext();
        Assert.False(await db.Residents.AnyAsync(r => r.NationalId == "E-90000002", TestContext.Current.CancellationToken));
    }

    [Theory, BothEngines]
    public async Task PostCensus_WrongHeader_Returns400WithCode(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = await server.SignedInAsync("vocera.panal");
        var councilId = await CouncilIdAsync(database);

        var response = await client.PostAsync($"/api/v1/councils/{councilId}/census",
            Csv("household_code,cedula\nW-001,E-90000001\n"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("census-bad-header", problem.GetProperty("code").GetString());
        Assert.Contains("cedula", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory, BothEngines]
    public async Task Census_AdminOfAnotherCommune_Gets404OnImportAndExport(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = await server.SignedInAsync("admin.lidice");
        var councilId = await CouncilIdAsync(database);

        var post = await client.PostAsync($"/api/v1/councils/{councilId}/census", Csv(Families), TestContext.Current.CancellationToken);
        var get = await client.GetAsync($"/api/v1/councils/{councilId}/census", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        await using var db = database.NewContext();
        Assert.False(await db.Residents.AnyAsync(r => r.NationalId == "E-90000001", TestContext.Current.CancellationToken));
    }

    [Theory, BothEngines]
    public async Task Census_Oversight_Gets403OnImportAnd200OnExport(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = await server.SignedInAsync("contraloria.panal");
        var councilId = await CouncilIdAsync(database);

        var post = await client.PostAsync($"/api/v1/councils/{councilId}/census", Csv(Families), TestContext.Current.CancellationToken);
        var get = await client.GetAsync($"/api/v1/councils/{councilId}/census", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("text/csv", get.Content.Headers.ContentType?.MediaType);
        var csv = await get.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("household_code,national_id,first_names,last_names,birth_date,sex,address\n", csv, StringComparison.Ordinal);
    }

    [Theory, BothEngines]
    public async Task Census_Anonymous_Gets401(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = server.Anonymous();
        var councilId = await CouncilIdAsync(database);

        var post = await client.PostAsync($"/api/v1/councils/{councilId}/census", Csv(Families), TestContext.Current.CancellationToken);
        var get = await client.GetAsync($"/api/v1/councils/{councilId}/census", TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (post.StatusCode, get.StatusCode));
    }

    [Theory, BothEngines]
    public async Task PostCensus_LargerThanTheLimit_Returns413CensusTooLarge(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database, adjust: o => o with { MaxCensusUploadBytes = 1000 });
        using var client = await server.SignedInAsync("vocera.panal");
        var councilId = await CouncilIdAsync(database);
        var big = Families + string.Concat(Enumerable.Range(10, 40).Select(i => $"\nW-{i:000},E-900000{i},Ana,Pérez,1980-01-01,F,Calle {i}"));
        Assert.True(Encoding.UTF8.GetByteCount(big) > 1000);

        var response = await client.PostAsync($"/api/v1/councils/{councilId}/census", Csv(big), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("census-too-large", problem.GetProperty("code").GetString());
        await using var db = database.NewContext();
        Assert.False(await db.Residents.AnyAsync(r => r.NationalId == "E-90000001", TestContext.Current.CancellationToken));
    }

    [Theory, BothEngines]
    public async Task PostCensus_ChunkedBodyLargerThanTheLimit_Returns413CensusTooLarge(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database, adjust: o => o with { MaxCensusUploadBytes = 1000 });
        using var client = await server.SignedInAsync("vocera.panal");
        var councilId = await CouncilIdAsync(database);
        var big = Families + string.Concat(Enumerable.Range(10, 40).Select(i => $"\nW-{i:000},E-900000{i},Ana,Pérez,1980-01-01,F,Calle {i}"));
        // A stream of unknown length goes out chunked, without Content-Length: only Kestrel's limit sees it.
        using var content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(big)));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        var response = await client.PostAsync($"/api/v1/councils/{councilId}/census", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("census-too-large", problem.GetProperty("code").GetString());
        await using var db = database.NewContext();
        Assert.False(await db.Residents.AnyAsync(r => r.NationalId == "E-90000001", TestContext.Current.CancellationToken));
    }

    [Theory, BothEngines]
    public async Task ExportThenPost_SameCouncil_ChangesNothing(DatabaseEngine engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        using var client = await server.SignedInAsync("vocera.panal");
        var councilId = await CouncilIdAsync(database);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/councils/{councilId}/census", Csv(Families), TestContext.Current.CancellationToken)).StatusCode);
        await using var db = database.NewContext();
        var residents = await db.Residents.CountAsync(r => r.Household!.CouncilId == councilId, TestContext.Current.CancellationToken);

        var exported = await client.GetStringAsync($"/api/v1/councils/{councilId}/census", TestContext.Current.CancellationToken);
        var response = await client.PostAsync($"/api/v1/councils/{councilId}/census", Csv(exported), TestContext.Current.CancellationToken);

        Assert.Contains("W-001,E-90000001,Ana,Pérez,1980-02-29,F,\"Calle 5, casa 12\"", exported, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(residents, report.GetProperty("rows").GetInt32());
        Assert.Equal(residents, report.GetProperty("residentsUnchanged").GetInt32());
        Assert.Equal(0, report.GetProperty("residentsCreated").GetInt32() + report.GetProperty("residentsUpdated").GetInt32()
            + report.GetProperty("householdsCreated").GetInt32() + report.GetProperty("householdsUpdated").GetInt32());
        Assert.Equal(residents, await db.Residents.CountAsync(r => r.Household!.CouncilId == councilId, TestContext.Current.CancellationToken));
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    private static async Task<Guid> CouncilIdAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.Councils.Where(c => c.Code == Panal).Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A memory stream that will not say its length, as a pipe or a generator would not.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
