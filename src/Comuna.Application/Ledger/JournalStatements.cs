using Comuna.Application.Common;
using Comuna.Domain.Deliberation;
using Comuna.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Comuna.Application.Ledger;

/// <summary>
/// A batch's postings, balances and mandates' spending written in one command of three statements —
/// one multi-row INSERT and two UPDATE … FROM (VALUES …) — instead of one statement per row
/// through the change tracker, which at hundreds of transfers per batch cost the writer more
/// than the database's own work. The SQL is the same on SQLite (3.33 and later) and PostgreSQL;
/// the values go as parameters that EF Core maps as it maps the columns (on SQLite a Guid is
/// the upper-case text EF Core itself stores).
/// </summary>
internal static class JournalStatements
{
    public static void Write(IComunaDb db, IReadOnlyList<Transfer> postings, IEnumerable<Account> accounts, IEnumerable<Decision> decisions)
    {
        var sql = new System.Text.StringBuilder();
        var values = new List<object?>(postings.Count * 15 + 64);
        string P(object? value)
        {
            values.Add(value);
            return $"{{{values.Count - 1}}}";
        }

        sql.Append("""INSERT INTO "transfers" ("Id", "CommuneId", "Sequence", "DebitAccountId", "CreditAccountId", "Amount", "Currency", "Memo", "DecisionId", "ReversesId", "PostedAtUtc", "PostedBy", "ApprovedBy", "PreviousHash", "Hash") VALUES """);
        for (var i = 0; i < postings.Count; i++)
        {
            var t = postings[i];
            sql.Append(i == 0 ? "(" : ", (")
                .Append(P(t.Id)).Append(", ").Append(P(t.CommuneId)).Append(", ").Append(P(t.Sequence)).Append(", ")
                .Append(P(t.DebitAccountId)).Append(", ").Append(P(t.CreditAccountId)).Append(", ").Append(P(t.Amount)).Append(", ")
                .Append(P(t.Currency)).Append(", ").Append(P(t.Memo)).Append(", ").Append(Nullable(t.DecisionId, P)).Append(", ")
                .Append(Nullable(t.ReversesId, P)).Append(", ").Append(P(t.PostedAtUtc)).Append(", ").Append(P(t.PostedBy)).Append(", ")
                .Append(t.ApprovedBy is null ? "NULL" : P(t.ApprovedBy)).Append(", ").Append(P(t.PreviousHash)).Append(", ").Append(P(t.Hash)).Append(')');
        }
        sql.Append(";\n");
        var expected = postings.Count;

        var balances = accounts.ToList();
        if (balances.Count > 0)
        {
            sql.Append("""UPDATE "accounts" SET "Balance" = v.column2 FROM (VALUES """);
            sql.AppendJoin(", ", balances.Select(a => $"({P(a.Id)}, {P(a.Balance)})"));
            sql.Append(""") AS v WHERE "accounts"."Id" = v.column1;""").Append('\n');
            expected += balances.Count;
        }
        var spending = decisions.ToList();
        if (spending.Count > 0)
        {
            sql.Append("""UPDATE "decisions" SET "MandateSpentMinor" = v.column2 FROM (VALUES """);
            sql.AppendJoin(", ", spending.Select(d => $"({P(d.Id)}, {P(d.MandateSpentMinor)})"));
            sql.Append(""") AS v WHERE "decisions"."Id" = v.column1;""").Append('\n');
            expected += spending.Count;
        }

        var written = db.Database.ExecuteSqlRaw(sql.ToString(), values!);
        if (written != expected)
            throw new InvalidOperationException($"The journal's batch wrote {written} rows where {expected} were expected; it is not committed.");
    }

    private static string Nullable(Guid? value, Func<object?, string> parameter) => value is { } v ? parameter(v) : "NULL";
}
