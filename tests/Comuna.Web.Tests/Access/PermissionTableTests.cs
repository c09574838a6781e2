using System.Net.Http.Json;
using Comuna.Data;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Web.Tests.Access;

/// <summary>
/// Sends every request of the table in docs/permissions.md as every demo account and expects
/// exactly the status the table gives: the docs are the specification, and this keeps them true.
/// </summary>
public sealed class PermissionTableTests
{
    [Theory, BothEngines]
    public async Task EveryRequestAsEveryAccount_AnswersTheStatusInThePermissionTable(DatabaseEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(engine, demo: true);
        await using var server = await ComunaServer.StartAsync(database);
        var table = PermissionTable.Read(Path.Combine(AppContext.BaseDirectory, "permissions.md"));
        var places = await DemoPlaces.FindAsync(database, ct);
        using (var spokesperson = await server.SignedInAsync("vocera.panal"))
        {
            var convened = await spokesperson.PostAsJsonAsync("/api/v1/assemblies", new
            {
                councilId = places.Councils["panal-cc01"].Id,
                startsAt = "2026-12-12T17:00:00Z",
                place = "Casa comunal",
                agenda = new[] { "Agua" },
            }, ct);
            convened.EnsureSuccessStatusCode();
            places.PanalAssembly = (await convened.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct)).GetProperty("id").GetGuid();
            var round = await spokesperson.PostAsJsonAsync($"/api/v1/councils/{places.Councils["panal-cc01"].Id}/rounds", DemoPlaces.RoundBody, ct);
            round.EnsureSuccessStatusCode();
            places.PanalRound = (await round.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct)).GetProperty("id").GetGuid();
        }

        var clients = new Dictionary<string, HttpClient>();
        foreach (var account in table.Accounts)
            clients[account] = account == "anonymous" ? server.Anonymous() : await server.SignedInAsync(account);

        var mismatches = new List<string>();
        var serial = 0;
        foreach (var row in table.Rows)
        {
            foreach (var (account, expected) in row.Expected)
            {
                serial++;
                using var request = places.Build(row.Request, serial);
                using var response = await clients[account].SendAsync(request, ct);
                if ((int)response.StatusCode != expected)
                    mismatches.Add($"{row.Request} as {account}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
        }
        foreach (var client in clients.Values)
            client.Dispose();

        Assert.True(table.Rows.Count >= 10, "The permission table was not read.");
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    /// <summary>The ids and bodies that make the table's requests concrete on the demo data.</summary>
    private sealed record DemoPlaces(
        Guid PanalId, int PanalParishId, Dictionary<string, (Guid Id, object Body)> Councils, Guid ResidentHousehold, Guid OtherHousehold,
        IReadOnlyList<Guid> PanalHouseholds, IReadOnlyList<Guid> PanalResidents)
    {
        /// <summary>A round of Panal's first council with boxes for everyone, opened by its spokesperson before the table runs.</summary>
        public static readonly object RoundBody = new
        {
            kind = "food-box",
            item = "Caja CLAP",
            unit = "caja",
            unitsArrived = 10_000,
            startsOn = "2026-12-05",
            pickupPoints = new[] { "Casa comunal" },
        };

        public Guid PanalRound { get; set; }

        /// <summary>An assembly of Panal's first council, convened by its spokesperson before the table runs.</summary>
        public Guid PanalAssembly { get; set; }

        public static async Task<DemoPlaces> FindAsync(TestDatabase database, CancellationToken ct)
        {
            await using var db = database.NewContext();
            var panal = await db.Communes.SingleAsync(c => c.Code == "COM-DC-PANAL2021", ct);
            var councils = new Dictionary<string, (Guid, object)>();
            foreach (var (key, code) in new[] { ("panal-cc01", "DC-PANAL2021-CC01"), ("panal-cc02", "DC-PANAL2021-CC02"), ("lidice-cc01", "DC-ALTOSLIDICE-CC01") })
            {
                var c = await db.Councils.SingleAsync(x => x.Code == code, ct);
                councils[key] = (c.Id, new
                {
                    name = c.Name,
                    kind = c.Kind.ToString().ToLowerInvariant(),
                    parishId = c.ParishId,
                    declaredFamilies = c.DeclaredFamilies,
                    ruleSetId = c.RuleSetId,
                });
            }
            var residentId = await ResidentOfAsync(db, "residente.panal", ct);
            var household = await db.Residents.Where(r => r.Id == residentId).Select(r => r.HouseholdId).SingleAsync(ct);
            var other = await db.Households.Where(h => h.CouncilId == councils["panal-cc01"].Item1 && h.Id != household)
                .OrderBy(h => h.Code).Select(h => h.Id).FirstAsync(ct);
            var households = await db.Households.Where(h => h.CouncilId == councils["panal-cc01"].Item1).OrderBy(h => h.Code).Select(h => h.Id).ToListAsync(ct);
            var residents = await db.Residents.Where(r => r.Household!.CouncilId == councils["panal-cc01"].Item1).OrderBy(r => r.NationalId).Select(r => r.Id).ToListAsync(ct);
            return new DemoPlaces(panal.Id, panal.ParishId, councils, household, other, households, residents);
        }

        private static async Task<Guid> ResidentOfAsync(ComunaDbContext db, string username, CancellationToken ct)
        {
            var user = await db.Users.SingleAsync(u => u.UserName == username, ct);
            return await db.RoleAssignments.Where(r => r.UserId == user.Id && r.ResidentId != null)
                .Select(r => r.ResidentId!.Value).SingleAsync(ct);
        }

        public HttpRequestMessage Build(string line, int serial)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var method = new HttpMethod(line[..space]);
            var rest = line[(space + 1)..];
            var path = rest.Split(' ')[0];
            object? body = null;
            foreach (var (key, council) in Councils)
            {
                if (path.Contains($"{{{key}}}", StringComparison.Ordinal))
                {
                    path = path.Replace($"{{{key}}}", council.Id.ToString(), StringComparison.Ordinal);
                    body = council.Body;
                }
            }
            path = path.Replace("{resident-household}", ResidentHousehold.ToString(), StringComparison.Ordinal)
                .Replace("{other-household}", OtherHousehold.ToString(), StringComparison.Ordinal)
                .Replace("{panal-assembly}", PanalAssembly.ToString(), StringComparison.Ordinal)
                .Replace("{panal-round}", PanalRound.ToString(), StringComparison.Ordinal)
                .Replace("{demo-plan}", Comuna.Web.FoodPlan.DemoFoodPlan.Id, StringComparison.Ordinal)
                .Replace("{panal}", PanalId.ToString(), StringComparison.Ordinal)
                // Each health flag on a resident of its own, so that only the permission decides the answer.
                .Replace("{panal-resident}", PanalResidents[serial % PanalResidents.Count].ToString(), StringComparison.Ordinal);

            // Creations get a fresh code each time, so that only the permission decides the answer.
            if (method == HttpMethod.Post && path.EndsWith("/households", StringComparison.Ordinal))
                body = new { code = $"P{serial:0000}", address = "Bloque 9, piso 2" };
            else if (method == HttpMethod.Post && path == "/api/v1/councils")
                body = new { code = $"PERM-CC{serial:0000}", name = $"Consejo Comunal Prueba {serial}", kind = "urban", parishId = PanalParishId, communeId = PanalId, declaredFamilies = 200 };
            else if (method == HttpMethod.Post && path.EndsWith("/accounts", StringComparison.Ordinal))
                body = new { code = $"CUENTA-{serial:0000}", name = $"Fondo {serial}", kind = "fund", currency = "VES" };
            else if (method == HttpMethod.Post && path == "/api/v1/assemblies")
                body = new { councilId = Councils["panal-cc01"].Id, startsAt = "2026-12-12T17:00:00Z", place = "Cancha del bloque 3", agenda = new[] { "Rendición de cuentas" } };
            else if (method == HttpMethod.Post && path.EndsWith("/rounds", StringComparison.Ordinal))
                body = RoundBody;
            // Each delivery to a household of its own, so that only the permission decides the answer.
            else if (method == HttpMethod.Post && path.EndsWith("/deliveries", StringComparison.Ordinal))
                body = new { householdId = PanalHouseholds[serial % PanalHouseholds.Count], units = 1 };
            else if (method == HttpMethod.Post && path.EndsWith("/health-flags", StringComparison.Ordinal))
                body = new { kind = "malnutrition" };
            else if (method == HttpMethod.Post && path == "/api/v1/communes")
                body = new { code = $"PERM-COM{serial:0000}", name = $"Comuna Prueba {serial}", parishId = PanalParishId };

            var request = new HttpRequestMessage(method, path);
            if (method != HttpMethod.Get && method != HttpMethod.Delete)
                request.Content = JsonContent.Create(body);
            return request;
        }
    }
}
