using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Comuna.Domain.Registry;
using Comuna.Planning.FoodPlan;
using Comuna.Web.Hosting;
using Comuna.Web.Pages.FoodPlan;

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
            // What a form says of a value that does not read into its field.
            .Concat([FormBindingMessages.NotValid, FormBindingMessages.GivenNotValid, FormBindingMessages.NotANumber, FormBindingMessages.Required])
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(asked.Count > 50, $"Only {asked.Count} strings found; is the pattern still right?");
        Assert.Empty(asked.Where(key => !spanish.Contains(key)).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Every sentence that refuses a plan's input, and every word said within one, has its Spanish,
    /// with the same blanks to fill ({0}, {1} …): a Spanish sentence that dropped one would hide which
    /// entry is at fault.
    /// </summary>
    [Fact]
    public void EveryPlanInputMessage_HasASpanishEntry_WithTheSameBlanks()
    {
        var spanish = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Comuna.Web", "Resources", "SharedResource.es.resx"))
            .Descendants("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.OrdinalIgnoreCase);
        var templates = typeof(PlanMessages).GetMethods(BindingFlags.Public | BindingFlags.Static)
            // Term and TableName give words, each of them in Terms.
            .Where(m => m.ReturnType == typeof(FormattableString) && m.Name is not (nameof(PlanMessages.Term) or nameof(PlanMessages.TableName)))
            .Select(m => ((FormattableString)m.Invoke(null, [.. m.GetParameters().Select(p => Sample(p.ParameterType))])!).Format)
            .ToList();

        Assert.True(templates.Count > 30, $"Only {templates.Count} messages found; are they still in PlanMessages?");
        Assert.Empty(templates.Concat(PlanMessages.Terms).Where(key => !spanish.ContainsKey(key)).Order(StringComparer.Ordinal));
        Assert.Empty(templates.Where(t => !Blanks(t).SetEquals(Blanks(spanish[t]))).Select(t => $"{t} → {spanish[t]}"));
    }

    /// <summary>
    /// Every field a refusal names has its name as the tables' headings say it, in Spanish and in
    /// English: without one, the page would fall back to the JSON's name (<c>unmetPerUnit</c>).
    /// </summary>
    [Fact]
    public void EveryPlanField_IsNamedAsTheTablesHeadingsSayIt()
    {
        foreach (var language in new[] { "es", "en" })
        {
            var names = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Comuna.Web", "Resources", $"SharedResource.{language}.resx"))
                .Descendants("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
            var missing = PlanField.All.Select(PlanErrorText.FieldKey).Except(names, StringComparer.Ordinal);
            Assert.Empty(missing);
        }
    }

    private static object Sample(Type type) =>
        type == typeof(FormattableString) ? PlanMessages.Term("Needs")
        : type == typeof(PlanEntry) ? new PlanEntry("lots", 0)
        : type == typeof(PlanField) ? new PlanField("quantity")
        : type == typeof(int) ? 1
        : type == typeof(long) ? 1L
        : "x";

    private static HashSet<string> Blanks(string template) =>
        [.. BlankPattern().Matches(template).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex BlankPattern();

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
