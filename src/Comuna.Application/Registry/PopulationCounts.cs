namespace Comuna.Application.Registry;

/// <summary>The figures shown at every level of the territory: councils, families, residents, and
/// residents old enough to sit in the Citizens' Assembly on the day asked about.</summary>
public sealed record PopulationCounts(int Councils, int Families, int Residents, int Eligible)
{
    public static readonly PopulationCounts Zero = new(0, 0, 0, 0);
}
