using System.Text.RegularExpressions;
using Comuna.Planning.FoodPlan;

namespace Comuna.Planning.Tests.FoodPlan;

public sealed class PlanInputTests
{
    private const string Valid = """
        {
          "products": [{ "id": "maiz", "name": "Maíz", "unit": "t" }],
          "places": [{ "id": "A", "name": "El Maizal", "lat": 9.7, "lon": -69.5 }, { "id": "B", "name": "Barquisimeto", "lat": 10.1, "lon": -69.3 }],
          "lots": [{ "place": "A", "product": "maiz", "quantity": 10, "availableDay": 0, "spoilsAfterDay": 9 }],
          "needs": [{ "place": "B", "product": "maiz", "quantity": 8 }],
          "routes": [{ "from": "A", "to": "B", "costPerUnit": 2, "days": 1, "capacity": null }],
          "imports": [{ "product": "maiz", "place": "B", "costPerUnit": 9, "capacity": 100 }],
          "penalties": { "spoiledPerUnit": 1000, "unmetPerUnit": 100 }
        }
        """;

    private static IReadOnlyList<PlanError> Errors(string json)
    {
        var (result, errors) = FoodPlanner.PlanFromJson(json, PlanPolicy.ProductionFirst);
        Assert.Null(result);
        return errors;
    }

    [Fact]
    public void PlanFromJson_TheContractsExample_PlansIt()
    {
        var (result, errors) = FoodPlanner.PlanFromJson(Valid, PlanPolicy.ProductionFirst);

        Assert.Empty(errors);
        Assert.Equal(8, Assert.Single(result!.Shipments).Quantity);
        Assert.Equal((1000 * 2) + (2 * 8), result.Objective, 1e-9);
    }

    [Theory]
    [InlineData("\"place\": \"A\", \"product\": \"maiz\", \"quantity\": 10", "\"place\": \"Z\", \"product\": \"maiz\", \"quantity\": 10", "unknown-place", "lots[0] (place \"Z\", product \"maiz\"): unknown place \"Z\"")]
    [InlineData("\"place\": \"B\", \"product\": \"maiz\", \"quantity\": 8", "\"place\": \"B\", \"product\": \"trigo\", \"quantity\": 8", "unknown-product", "needs[0] (place \"B\", product \"trigo\"): unknown product \"trigo\"")]
    [InlineData("\"quantity\": 8", "\"quantity\": -8", "negative-quantity", "needs[0] (place \"B\", product \"maiz\"): quantity -8 is negative")]
    [InlineData("\"quantity\": 10", "\"quantity\": -0.5", "negative-quantity", "lots[0] (place \"A\", product \"maiz\"): quantity -0.5 is negative")]
    [InlineData("\"to\": \"B\"", "\"to\": \"Nowhere\"", "unknown-place", "routes[0] (A → Nowhere) goes nowhere: unknown place \"Nowhere\" in to")]
    [InlineData("\"costPerUnit\": 9, \"capacity\": 100", "\"costPerUnit\": 9, \"capacity\": -1", "negative-quantity", "imports[0] (product \"maiz\", place \"B\"): capacity -1 is negative")]
    [InlineData("\"spoilsAfterDay\": 9", "\"spoilsAfterDay\": -1", "spoils-before-available", "lots[0] (place \"A\", product \"maiz\"): spoilsAfterDay -1 is before availableDay 0")]
    [InlineData("\"unit\": \"t\" }", "\"unit\": \"t\", \"weight\": -1 }", "negative-quantity", "products[0] (\"maiz\"): weight -1 is negative")]
    [InlineData("\"unit\": \"t\" }", "\"unit\": \"t\", \"weight\": 0 }", "zero-weight", "products[0] (\"maiz\"): weight 0 would let a route carry it without end")]
    [InlineData("\"unit\": \"t\" }", "\"unit\": \"t\", \"weight\": 1e-320 }", "weight-out-of-range", "products[0] (\"maiz\"): weight 1E-320 is outside what the planner computes exactly")]
    [InlineData("\"unit\": \"t\" }", "\"unit\": \"t\", \"weight\": 1e15 }", "weight-out-of-range", "products[0] (\"maiz\"): weight 1000000000000000 is outside")]
    [InlineData("\"quantity\": 10", "\"quantity\": 1.7976931348623157e308", "too-large", "lots[0] (place \"A\", product \"maiz\"): quantity 1.7976931348623157E+308 is too large (at most 10^15)")]
    [InlineData("\"spoiledPerUnit\": 1000", "\"spoiledPerUnit\": 1e300", "too-large", "penalties: spoiledPerUnit 1E+300 is too large")]
    [InlineData("\"days\": 1", "\"days\": 2e15", "too-large", "routes[0] (A → B): days 2000000000000000 is too large")]
    [InlineData("\"availableDay\": 0", "\"availableDay\": -2e15", "too-large", "lots[0] (place \"A\", product \"maiz\"): availableDay -2000000000000000 is too far below zero (at least -10^15)")]
    [InlineData("\"lat\": 9.7", "\"lat\": 97", "bad-coordinate", "places[0] (\"A\"): lat 97 is not a latitude (from −90 to 90 degrees)")]
    [InlineData("\"lon\": -69.3", "\"lon\": -693", "bad-coordinate", "places[1] (\"B\"): lon -693 is not a longitude (from −180 to 180 degrees)")]
    [InlineData("\"products\": [{ \"id\": \"maiz\", \"name\": \"Maíz\", \"unit\": \"t\" }]", "\"products\": { \"id\": \"maiz\" }", "malformed-json", "(at $.products): expected a list (in [ ]) here.")]
    [InlineData("\"penalties\": { \"spoiledPerUnit\": 1000, \"unmetPerUnit\": 100 }", "\"penalties\": [1000, 100]", "malformed-json", "(at $.penalties): expected an object here.")]
    [InlineData("\"needs\": [{ \"place\": \"B\", \"product\": \"maiz\", \"quantity\": 8 }]", "\"needs\": [8]", "malformed-json", "(at $.needs[0]): expected an object here.")]
    public void PlanFromJson_BadEntry_IsRefusedWithAMessageNamingIt(string valid, string bad, string code, string message)
    {
        Assert.Contains(valid, Valid, StringComparison.Ordinal);

        var error = Assert.Single(Errors(Valid.Replace(valid, bad, StringComparison.Ordinal)));

        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanFromJson_AnythingButAnObject_IsRefusedSayingWhatTheInputMustBe()
    {
        var error = Assert.Single(Errors("[]"));

        Assert.Equal("malformed-json", error.Code);
        Assert.Equal("Malformed JSON at line 1, position 2: expected an object with products, places, lots, needs, routes, imports and penalties here.", error.Message);
        Assert.DoesNotContain("Comuna.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Maize counted in kg on a road that carries 5 t: 5,000 kg go, where counting a unit per unit of capacity would let 5 kg through.</summary>
    [Fact]
    public void PlanFromJson_AProductsWeight_IsTheShareOfARoutesCapacityOneUnitTakes()
    {
        var json = Valid
            .Replace("\"unit\": \"t\" }", "\"unit\": \"kg\", \"weight\": 0.001 }", StringComparison.Ordinal)
            .Replace("\"quantity\": 10", "\"quantity\": 10000", StringComparison.Ordinal)
            .Replace("\"quantity\": 8", "\"quantity\": 8000", StringComparison.Ordinal)
            .Replace("\"capacity\": null", "\"capacity\": 5", StringComparison.Ordinal);

        var (result, errors) = FoodPlanner.PlanFromJson(json, PlanPolicy.ProductionFirst, compare: false);

        Assert.Empty(errors);
        Assert.Equal("optimal", result!.Status);
        var shipped = Assert.Single(result.Shipments, s => s.Origin == "domestic");
        Assert.Equal(5000, shipped.Quantity, 1e-6);
        // The port sends its 100 kg; the rest of the need goes unmet, and what the road cannot carry is lost.
        Assert.Equal(100, Assert.Single(result.Imports).Quantity, 1e-6);
        Assert.Equal(2900, Assert.Single(result.Unmet).Quantity, 1e-6);
        Assert.Equal(5000, Assert.Single(result.Spoiled).Quantity, 1e-6);
        Assert.Equal((1000 * 5000) + (100 * 2900) + (2 * 5000) + (9 * 100), result.Objective, 1e-6);
        Assert.True(result.Gap <= 1e-9, $"gap {result.Gap}");
    }

    [Fact]
    public void PlanFromJson_ARepeatedId_IsNamed()
    {
        var errors = Errors(Valid.Replace("{ \"id\": \"B\", \"name\"", "{ \"id\": \"A\", \"name\"", StringComparison.Ordinal));

        Assert.Equal("duplicate-id", errors[0].Code);
        Assert.Equal("places[1] repeats the id \"A\".", errors[0].Message);
    }

    [Fact]
    public void PlanFromJson_MalformedJson_SaysTheLineAndPosition()
    {
        var broken = Valid.Replace("\"quantity\": 8 }", "\"quantity\": 8, }", StringComparison.Ordinal);

        var error = Assert.Single(Errors(broken));

        Assert.Equal("malformed-json", error.Code);
        Assert.Contains("line 5,", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The parser's commonest sentences are kept as templates, so that a page says them in its
    /// language; the English stays the parser's, without its own 0-based position, but for those
    /// that speak of the parser's workings (its depth, tokens and reader options).
    /// </summary>
    [Theory]
    [InlineData("xx", "'x' is an invalid start of a value.")]
    [InlineData("{ \"products\": [ ", "The JSON ends with an object or a list left open.")]
    [InlineData("{ \"penalties\": { \"spoiledPerUnit\": 1 x } }", "'x' is invalid after a value. Expected either ',', '}', or ']'.")]
    [InlineData("{ \"penalties\": { \"spoiledPerUnit\": 1- } }", "'-' is an invalid end of a number. Expected a delimiter.")]
    [InlineData("{ \"penalties\": { spoiledPerUnit: 1 } }", "'s' is an invalid start of a property name. Expected a '\"'.")]
    [InlineData("{} {}", "'{' is invalid after a single JSON value. Expected end of data.")]
    [InlineData("{ \"products\": [ {}, ] }", "A list ends with a comma too many before ']': remove it.")]
    [InlineData("{ \"penalties\": { \"spoiledPerUnit\": 1, } }", "An object ends with a comma too many before its closing brace: remove it.")]
    [InlineData("{ \"penalties\": { \"spoiledPerUnit\": 01 } }", "Invalid leading zero before '1'.")]
    [InlineData("{ \"penalties\": { \"spoiledPerUnit\": 1.x } }", "'x' is invalid within a number, immediately after a decimal point ('.'). Expected a digit ('0'-'9').")]
    [InlineData("{ \"penalties\": { \"spoiledPerUnit\": -x } }", "'x' is invalid within a number, immediately after a sign character ('+' or '-'). Expected a digit ('0'-'9').")]
    [InlineData("{ \"penalties\": { \"spoiledPerUnit\": 1.5.2 } }", "'.' is an invalid end of a number. Expected 'E' or 'e'.")]
    [InlineData("{ \"products\": [ { \"id\": \"a\\x\" } ] }", "'x' is an invalid escapable character within a JSON string. The string should be correctly escaped.")]
    [InlineData("{ \"products\": [ { \"id\": \"\\u12G4\" } ] }", "'G' is not a hex digit following '\\u' within a JSON string. The string should be correctly escaped.")]
    [InlineData("{ \"penalties\"", "Expected a value, but instead reached end of data.")]
    [InlineData("{ \"penalties\": { \"spoiledPerUnit\": 1.", "Expected a digit ('0'-'9'), but instead reached end of data.")]
    [InlineData("{ \"products\": [],", "Expected start of a property name or value, but instead reached end of data.")]
    [InlineData("", "The input is empty: there is no JSON in it.")]
    public void PlanFromJson_TheParsersSentence_IsKeptAsATemplate(string json, string sentence)
    {
        var error = Assert.Single(Errors(json));

        Assert.EndsWith(": " + sentence, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        var reason = Assert.IsAssignableFrom<FormattableString>(error.Text.GetArguments()[^1]);
        Assert.Equal(sentence, FormattableString.Invariant(reason));
        // The character found is a value of the sentence, not part of its template.
        Assert.Equal(sentence.StartsWith('\''), reason.Format.StartsWith("'{0}'", StringComparison.Ordinal));
    }

    /// <summary>
    /// A sentence with two values in it: the literal as written and the one the parser expected.
    /// The parser quotes the rest of the document from the literal on; the message names the word
    /// alone, even where a line ends after it.
    /// </summary>
    [Theory]
    [InlineData("{ \"penalties\": { \"spoiledPerUnit\": tru } }", "tru", "true")]
    [InlineData("{ \"penalties\": { \"spoiledPerUnit\": fals,\n \"unmetPerUnit\": 1 } }", "fals", "false")]
    [InlineData("{ \"penalties\": { \"spoiledPerUnit\": nul\n } }", "nul", "null")]
    public void PlanFromJson_AMistypedLiteral_IsNamedAsWritten(string json, string written, string expected)
    {
        var error = Assert.Single(Errors(json));

        var reason = Assert.IsAssignableFrom<FormattableString>(error.Text.GetArguments()[^1]);
        Assert.Equal("'{0}' is an invalid JSON literal. Expected the literal '{1}'.", reason.Format);
        Assert.Equal([written, expected], reason.GetArguments());
        Assert.DoesNotContain("unmetPerUnit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanFromJson_AWrongType_SaysWhereItIs()
    {
        var error = Assert.Single(Errors(Valid.Replace("\"quantity\": 8", "\"quantity\": \"ocho\"", StringComparison.Ordinal)));

        Assert.Equal("malformed-json", error.Code);
        Assert.Contains("$.needs[0].quantity", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 5,", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Text where a number belongs is named as written, at its entry, not as the parser's sentence about .NET's doubles.</summary>
    [Theory]
    [InlineData("\"quantity\": \"ocho\"", "ocho")]
    [InlineData("\"quantity\": \"12,5\"", "12,5")]
    public void PlanFromJson_TextWhereANumberBelongs_IsNamedAsWritten(string bad, string written)
    {
        var error = Assert.Single(Errors(Valid.Replace("\"quantity\": 8", bad, StringComparison.Ordinal)));

        Assert.Equal("malformed-json", error.Code);
        Assert.Matches($@"^Malformed JSON at line 5, position \d+ \(at \$\.needs\[0\]\.quantity\): ""{Regex.Escape(written)}"" is not a number; write it in digits, without quotes, with a decimal point: 12\.5\.$", error.Message);
        Assert.DoesNotContain("Double", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanFromJson_SeveralBadEntries_NamesEachOne()
    {
        var errors = Errors(Valid.Replace("\"place\": \"A\"", "\"place\": \"X\"", StringComparison.Ordinal)
            .Replace("\"costPerUnit\": 2", "\"costPerUnit\": -2", StringComparison.Ordinal));

        Assert.Equal(["unknown-place", "negative-quantity"], errors.Select(e => e.Code));
    }
}
