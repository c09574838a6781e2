using Comuna.Application.Common;
using Comuna.Application.Registry;
using Comuna.Domain.Common;
using Comuna.Domain.Deliberation;
using Comuna.Domain.Registry;

namespace Comuna.Application.Deliberation;

/// <summary>
/// The ballot of a spokesperson's election, checked before it can be put: a council's assembly
/// (the commune's parliament seats delegates, it does not elect spokespeople), secret, one post,
/// and candidates who may stand for it. The candidates' names become the options, in the order
/// given; two people of the same name are told apart by their cédula.
/// </summary>
public static class ElectionBallot
{
    public sealed record Prepared(ElectionPost Post, List<Guid> Candidates, List<string> Names);

    public static async Task<Result<Prepared>> PrepareAsync(
        IComunaDb db, Assembly assembly, AssemblyBody body, VoteInput input, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (body is not CouncilBody { Council: var council })
            return Error.Invalid("kind", "Spokespeople are elected by their council's Citizens' Assembly, not by the commune's parliament.");
        if (!input.Secret)
            return new Error("election-is-secret", "Spokespeople are elected by secret ballot.", ErrorKind.Validation, "secret");
        if (input.Options is { Count: > 0 })
            return Error.Invalid("options", "An election's options are its candidates: send their ids as \"candidates\".");
        if (SpokespersonRules.CheckPost(input.Post?.Unit, input.Post?.Committee, "post.") is { } postError)
            return postError;
        var unit = input.Post!.Unit;
        var post = new ElectionPost(unit, SpokespersonRules.Committee(unit, input.Post.Committee));

        var candidates = input.Candidates ?? [];
        if (candidates.Count is 0 or > CreateVote.MaxOptions)
            return Error.Invalid("candidates", $"An election needs 1 to {CreateVote.MaxOptions} candidates.");
        if (candidates.Distinct().Count() != candidates.Count)
            return Error.Invalid("candidates", "A candidate appears twice on the ballot.");

        // Standing is judged on the day of the assembly, as eligibility to vote is.
        var now = clock.GetUtcNow().UtcDateTime;
        var day = DateOnly.FromDateTime(assembly.OpenedAtUtc ?? (assembly.StartsAtUtc > now ? assembly.StartsAtUtc : now));
        var residents = new List<Resident>();
        foreach (var candidate in candidates)
        {
            var standing = await SpokespersonRules.CanStandAsync(db, council, candidate, unit, day, "candidates", cancellationToken);
            if (!standing.IsSuccess)
                return standing.Error with { Message = $"{standing.Error.Message} ({candidate})" };
            residents.Add(standing.Value);
        }
        var names = residents.Select(r => r.FullName.Trim()).ToList();
        var shared = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        names = residents.Select((r, i) => shared.Contains(names[i]) ? $"{names[i]} ({r.NationalId})" : names[i]).ToList();
        return new Prepared(post, [.. candidates], names);
    }
}
