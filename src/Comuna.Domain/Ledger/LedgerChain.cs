using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Comuna.Domain.Ledger;

/// <summary>
/// The hash chain of a commune's journal: each posting hashes its own content with the previous
/// hash, starting from a hash of the commune's id. Change one amount and every later hash differs.
/// </summary>
public static class LedgerChain
{
    public static string Genesis(Guid communeId) => Sha256($"comuna-ledger-v1\n{communeId:D}");

    public static string Hash(Transfer t, string previousHash) => Sha256(string.Join('\n',
        t.Id.ToString("D"), t.Sequence.ToString(CultureInfo.InvariantCulture), t.DebitAccountId.ToString("D"),
        t.CreditAccountId.ToString("D"), t.Amount.ToString(CultureInfo.InvariantCulture), t.Currency, t.Memo,
        t.DecisionId?.ToString("D") ?? "", t.ReversesId?.ToString("D") ?? "",
        t.PostedAtUtc.ToString("O", CultureInfo.InvariantCulture), t.PostedBy, t.ApprovedBy ?? "", previousHash));

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
