using Comuna.Domain.Common;

namespace Comuna.Domain.Deliberation;

/// <summary>
/// Turns what a voter sent into the canonical text the log records, or says why it is not a valid
/// ballot for this vote. "Sí", "SI" and "yes" are one choice; approvals are kept in the options'
/// order; a ranking keeps the voter's order and may leave the least wanted options unranked.
/// </summary>
public static class BallotChoice
{
    public const char Separator = '|';

    public static readonly string[] YesNoAbstainOptions = ["yes", "no", "abstain"];

    public static Result<string> Normalize(Vote vote, string? choice, IReadOnlyList<string>? choices)
    {
        switch (vote.Kind)
        {
            case VoteKind.YesNoAbstain:
                return (choice?.Trim().ToLowerInvariant()) switch
                {
                    "yes" or "sí" or "si" => "yes",
                    "no" => "no",
                    "abstain" or "abstención" or "abstencion" => "abstain",
                    null or "" => Invalid("choice", "The ballot has no choice: yes, no or abstain."),
                    var other => Invalid("choice", $"'{other}' is not a choice of this vote: yes, no or abstain."),
                };
            case VoteKind.Election:
                {
                    var named = choice ?? (choices is [var only] ? only : null);
                    if (string.IsNullOrWhiteSpace(named))
                        return Invalid("choice", "An election ballot names one candidate.");
                    if (choices is { Count: > 1 })
                        return Invalid("choices", "An election ballot names one candidate only.");
                    var candidate = vote.Options.FirstOrDefault(o => string.Equals(o, named.Trim(), StringComparison.OrdinalIgnoreCase));
                    return candidate is null ? Invalid("choice", $"'{named}' is not standing in this election.") : candidate;
                }
            case VoteKind.Approval:
                {
                    var picked = Picked(vote, choices);
                    if (!picked.IsSuccess)
                        return picked.Error;
                    if (picked.Value.Count == 0)
                        return Invalid("choices", "An approval ballot approves at least one option.");
                    return string.Join(Separator, vote.Options.Where(picked.Value.Contains));
                }
            case VoteKind.Ranked:
                {
                    var picked = Picked(vote, choices);
                    if (!picked.IsSuccess)
                        return picked.Error;
                    if (picked.Value.Count == 0)
                        return Invalid("choices", "A ranked ballot ranks at least one option.");
                    return string.Join(Separator, picked.Value);
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(vote), vote.Kind, "Unknown vote kind.");
        }
    }

    /// <summary>The options in a canonical choice, in the order recorded.</summary>
    public static IReadOnlyList<string> Split(string canonical) =>
        canonical.Length == 0 ? [] : canonical.Split(Separator);

    private static Result<List<string>> Picked(Vote vote, IReadOnlyList<string>? choices)
    {
        if (choices is null)
            return Invalid("choices", "Send the options as \"choices\": [ … ].");
        var result = new List<string>();
        foreach (var raw in choices)
        {
            var option = vote.Options.FirstOrDefault(o => string.Equals(o, raw?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (option is null)
                return Invalid("choices", $"'{raw}' is not an option of this vote.");
            if (result.Contains(option))
                return Invalid("choices", $"'{option}' appears twice in the ballot.");
            result.Add(option);
        }
        return result;
    }

    private static Error Invalid(string field, string message) => new("invalid-ballot", message, ErrorKind.Validation, field);
}
