namespace Comuna.Application.Distribution;

/// <summary>One line of a printed delivery sheet as typed in: the household's code and, when the
/// sheet says so, the units handed out (otherwise the household's share of the allocation).</summary>
public sealed record SheetLine(int Number, string Code, int? Units);
