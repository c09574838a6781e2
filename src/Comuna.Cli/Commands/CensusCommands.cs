using System.CommandLine;
using Comuna.Application.Access;
using Comuna.Application.Registry;
using Comuna.Application.Registry.Census;
using Comuna.Domain.Access;
using Comuna.Domain.Common;
using Spectre.Console;

namespace Comuna.Cli.Commands;

/// <summary>
/// <c>comuna import census FILE --council CODE</c> and <c>comuna export census --council CODE
/// [--output FILE]</c>: the census file from a terminal, through the same use cases as the API.
/// </summary>
public static class CensusCommands
{
    public static Command CreateImport()
    {
        var file = new Argument<FileInfo>("file") { Description = "The census CSV (UTF-8; header household_code,national_id,first_names,last_names,birth_date,sex,address)." };
        var council = CouncilOption();
        var census = new Command("census", "Import a council's census from a CSV file: every row or none.") { file, council };
        census.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, async (services, ct) =>
        {
            var (output, errors) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                errors.WriteLine($"No file {path.FullName}.");
                return 2;
            }
            var found = await services.GetRequiredService<RegistryQueries>().CouncilByCodeAsync(parse.GetValue(council)!, ct);
            if (!found.IsSuccess)
                return Fail(errors, found.Error);

            await using var stream = new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
            var import = services.GetRequiredService<ImportCensus>();
            var actor = OperatorOf(found.Value);
            Result<CensusImportReport> result;
            if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
            {
                result = await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask($"Importing {path.Name}", maxValue: Math.Max(1, path.Length));
                        var imported = await import.ExecuteAsync(actor, found.Value.Id, stream, new InlineProgress(b => task.Value = b), ct);
                        task.Value = task.MaxValue;
                        return imported;
                    });
            }
            else
            {
                var lastTenth = -1L;
                var plain = new InlineProgress(bytes =>
                {
                    var tenth = bytes * 10 / Math.Max(1, path.Length);
                    if (tenth == lastTenth)
                        return;
                    lastTenth = tenth;
                    output.WriteLine($"Read {bytes:N0} of {path.Length:N0} bytes ({tenth * 10}%).");
                });
                result = await import.ExecuteAsync(actor, found.Value.Id, stream, plain, ct);
            }
            if (!result.IsSuccess)
                return Fail(errors, result.Error);
            return Print(output, errors, result.Value);
        }, cancellationToken));
        return new Command("import", "Import data from a file.") { census };
    }

    public static Command CreateExport()
    {
        var council = CouncilOption();
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var census = new Command("census", "Export a council's census as CSV.") { council, output };
        census.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, async (services, ct) =>
        {
            var errors = parse.InvocationConfiguration.Error;
            var found = await services.GetRequiredService<RegistryQueries>().CouncilByCodeAsync(parse.GetValue(council)!, ct);
            if (!found.IsSuccess)
                return Fail(errors, found.Error);
            var target = parse.GetValue(output);
            await using var stream = target is null
                ? Console.OpenStandardOutput()
                : new FileStream(target.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
            var written = await services.GetRequiredService<ExportCensus>().ExecuteAsync(OperatorOf(found.Value), found.Value.Id, stream, ct);
            if (!written.IsSuccess)
                return Fail(errors, written.Error);
            if (target is not null)
                errors.WriteLine($"Wrote {written.Value:N0} residents to {target.FullName}.");
            return 0;
        }, cancellationToken));
        return new Command("export", "Export data to a file.") { census };
    }

    /// <summary>
    /// The command line acts as the admin of the council's commune and as a spokesperson of the
    /// council: whoever runs it on the server holds the database anyway, so a sign-in would
    /// protect nothing, while going through the use cases keeps every rule of the file the same
    /// as on the web. It is deliberately not a national coordinator, who reads but may not write.
    /// </summary>
    public static Actor OperatorOf(CouncilView council)
    {
        var roles = new List<RoleAssignment> { new() { Role = Role.Spokesperson, CouncilId = council.Id, UserId = "cli" } };
        if (council.CommuneId is { } communeId)
            roles.Add(new RoleAssignment { Role = Role.CommuneAdmin, CommuneId = communeId, UserId = "cli" });
        return new Actor("cli", roles);
    }

    private static Option<string> CouncilOption() => new("--council", "-c")
    {
        Description = "The council's registry code, e.g. DC-PANAL2021-CC01.",
        Required = true,
    };

    private static int Print(TextWriter output, TextWriter errors, CensusImportReport report)
    {
        if (report.Succeeded)
        {
            output.WriteLine($"Imported {report.Rows:N0} rows: households {report.HouseholdsCreated:N0} created, {report.HouseholdsUpdated:N0} updated; "
                + $"residents {report.ResidentsCreated:N0} created, {report.ResidentsUpdated:N0} updated, {report.ResidentsUnchanged:N0} unchanged.");
            return 0;
        }
        errors.WriteLine($"Nothing was imported: {Count(report.ErrorCount, "problem")} in {Count(report.Rows, "row")}.");
        foreach (var error in report.Errors)
        {
            var field = error.Field.Length > 0 ? $" {error.Field}" : "";
            errors.WriteLine($"  line {error.Line}{field}: {error.Message} [{error.Code}]");
        }
        if (report.ErrorCount > report.Errors.Count)
            errors.WriteLine($"  … and {report.ErrorCount - report.Errors.Count:N0} more.");
        return 2;
    }

    private static string Count(long n, string noun) => $"{n:N0} {noun}{(n == 1 ? "" : "s")}";

    /// <summary>
    /// Bad input — a file that does not read as a census, a council code that names none — exits
    /// 2, as every command does; anything else the use case refuses (a conflict) exits 1.
    /// </summary>
    private static int Fail(TextWriter errors, Error error)
    {
        errors.WriteLine($"{error.Message} [{error.Code}]");
        return error.Kind is ErrorKind.Validation or ErrorKind.NotFound ? 2 : 1;
    }

    /// <summary>Reports on the reading thread itself: <see cref="Progress{T}"/> would post to the
    /// thread pool and could print after the report.</summary>
    private sealed class InlineProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
