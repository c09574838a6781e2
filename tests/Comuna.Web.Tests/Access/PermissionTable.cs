namespace Comuna.Web.Tests.Access;

/// <summary>The table of docs/permissions.md: one row per request, one column per account.</summary>
public sealed record PermissionTable(IReadOnlyList<string> Accounts, IReadOnlyList<PermissionTable.Row> Rows)
{
    public sealed record Row(string Request, IReadOnlyList<(string Account, int Status)> Expected);

    public static PermissionTable Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.StartsWith('|')).ToList();
        var header = Cells(lines[0]);
        var accounts = header.Skip(1).ToList();
        var rows = lines.Skip(2).Select(line =>
        {
            var cells = Cells(line);
            return new Row(cells[0], accounts.Select((a, i) => (a, int.Parse(cells[i + 1], System.Globalization.CultureInfo.InvariantCulture))).ToList());
        }).ToList();
        return new PermissionTable(accounts, rows);
    }

    private static List<string> Cells(string line) =>
        line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToList();
}
