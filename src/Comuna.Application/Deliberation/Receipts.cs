using System.Security.Cryptography;

namespace Comuna.Application.Deliberation;

/// <summary>
/// Receipt codes for ballots: 12 characters of an alphabet without look-alikes (no I, L, O, U),
/// 60 random bits, so a voter can find their ballot in the public log and nobody can guess another's.
/// </summary>
public static class Receipts
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 12);
}
