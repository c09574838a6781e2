namespace Comuna.Web.Deliberation;

/// <summary>
/// The resource keys that name a sitting and its minutes: a council's Citizens' Assembly, or a
/// session of its commune's parliament (an assembly without a council). The page of the sitting,
/// its votes, its minutes and their PDF all say it the same way.
/// </summary>
public static class SittingWords
{
    public static string Sitting(bool ofParliament) =>
        ofParliament ? "Session of the communal parliament" : "Citizens' Assembly";

    public static string MinutesTitle(bool ofParliament) =>
        ofParliament ? "Minutes of the communal parliament's session" : "Minutes of the Citizens' Assembly";

    public static string CheckpointHint(bool ofParliament) => ofParliament
        ? "The checkpoint is a hash of these minutes and of the parliament's previous ones: a printed copy proves the record was not rewritten."
        : "The checkpoint is a hash of these minutes and of the council's previous ones: a printed copy proves the record was not rewritten.";
}
