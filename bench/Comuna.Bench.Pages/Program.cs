using System.Diagnostics;
using System.Globalization;
using System.Text;
using Comuna.Bench.Pages;
using Comuna.Testing;

// What each page weighs on the wire — as it is (the anchor), gzipped and in Brotli — and how long
// the server takes to make it, measured on the demo's data through a real server in one run.
var rounds = args.Length > 1 && args[0] == "--rounds" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var record = !args.Contains("--no-record");
var ct = CancellationToken.None;

await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite, demo: true);
await using var server = await ComunaServer.StartAsync(database);
// The spokesperson of the first council of Panal 2021 reads every page listed; a bearer token
// stands for her cookie (the pages take either).
using var client = await server.SignedInAsync("vocera.panal");
var pages = await DemoPages.FindAsync(database, ct);
string[] encodings = ["identity", "gzip", "br"];

var rows = new List<string>();
foreach (var (name, path) in pages)
{
    var bytes = new Dictionary<string, long>();
    var millis = new Dictionary<string, double>();
    foreach (var encoding in encodings)
    {
        var times = new List<double>();
        for (var i = 0; i <= rounds; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
            var watch = Stopwatch.StartNew();
            using var response = await client.SendAsync(request, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            watch.Stop();
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}.");
            var sent = response.Content.Headers.ContentEncoding.SingleOrDefault() ?? "identity";
            if (sent != encoding)
                throw new InvalidOperationException($"{path} asked in {encoding} came in {sent}.");
            bytes[encoding] = body.Length;
            if (i > 0) // the first of each is the warm-up
                times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        millis[encoding] = times[times.Count / 2];
    }
    // At 100 kbit/s, a poor mobile connection, before any latency.
    string Seconds(long b) => (b * 8 / 100_000.0).ToString("0.00", CultureInfo.InvariantCulture);
    rows.Add(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {bytes["identity"]:N0} | {bytes["gzip"]:N0} | {bytes["br"]:N0} | {(double)bytes["identity"] / bytes["br"]:0.0}× | {Seconds(bytes["identity"])} | {Seconds(bytes["br"])} | {millis["identity"]:0.0} | {millis["gzip"]:0.0} | {millis["br"]:0.0} |"));
    Console.WriteLine(rows[^1]);
}

var command = "dotnet run -c Release --project bench/Comuna.Bench.Pages" + (rounds == 20 ? "" : $" -- --rounds {rounds}");
var run = new StringBuilder()
    .AppendLine(CultureInfo.InvariantCulture, $"### Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC")
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}`")
    .AppendLine()
    .AppendLine(BenchMachine.Describe())
    .AppendLine()
    .AppendLine("| page | as it is, bytes | gzip, bytes | Brotli, bytes | as it is ÷ Brotli | s at 100 kbit/s, as it is | s at 100 kbit/s, Brotli | ms to answer, as it is | ms, gzip | ms, Brotli |")
    .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var row in rows)
    run.AppendLine(row);
Console.WriteLine();
Console.WriteLine(run);

if (record)
{
    var path = BenchResults.Append("## Page weight on a poor connection (bench/Comuna.Bench.Pages)",
        "Each of the demo's pages that a council and its commune use most, asked for by the spokesperson of "
        + "Sector La Piedrita through a real server (Kestrel on 127.0.0.1, SQLite): its size on the wire as it is "
        + "(the anchor), gzipped and in Brotli (`Comuna.Web/Hosting/PageCompression.cs`), the seconds those bytes "
        + "take at 100 kbit/s, and the median time to answer over N requests after one warm-up, per encoding "
        + "(the compression's own cost is the difference from the anchor).",
        run.ToString());
    Console.WriteLine($"Recorded in {path}");
}
return 0;
