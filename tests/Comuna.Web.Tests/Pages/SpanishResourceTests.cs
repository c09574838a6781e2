using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Comuna.Domain.Registry;
using Comuna.Planning.FoodPlan;

namespace Comuna.Web.Tests.Pages;

/// <summary>Spanish is the default language: a string the pages ask for without a Spanish entry
/// would show its English key to every Spanish reader, so each one must have its entry.</summary>
public sealed partial class SpanishResourceTests
{
    [GeneratedRegex("""(?:\bT|localizer)\["((?:[^"\\]|\\.)+)"\]""")]
    private static partial Regex LookupPattern();

    [Fact]
    public void EveryStringThePagesAskFor_HasASpanishEntry()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Comuna.Web");
        var spanish = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.es.resx"))
            .Descendants("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var asked = Directory.EnumerateFiles(Path.Combine(web, "Pages"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => LookupPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            // Enum names are looked up by value: the kinds of council and the sexes.
            .Concat(Enum.GetNames<CouncilKind>()).Concat(Enum.GetNames<Sex>())
            // A plan's status is looked up by its code, but "optimal" shows as "proven optimal".
            .Concat(PlanStatus.All.Where(status => status != PlanStatus.Optimal))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(asked.Count > 50, $"Only {asked.Count} strings found; is the pattern still right?");
        Assert.Empty(asked.Where(key => !spanish.Contains(key)).Order(StringComparer.Ordinal));
    }

    /// <summary>Resource names are looked up ignoring case: of two names that differ only in case, one is never read.</summary>
    [Fact]
    public void NoTwoSpanishEntries_DifferOnlyInCase()
    {
        var names = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Comuna.Web", "Resources", "SharedResource.es.resx"))
            .Descendants("data").Select(d => (string)d.Attribute("name")!);
        Assert.Empty(names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)));
    }

    private static string RepositoryRoot([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));
}
