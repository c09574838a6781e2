using System.Reflection;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace Comuna.Testing;

/// <summary>The two engines every data test runs on.</summary>
public enum DatabaseEngine
{
    Sqlite,
    Postgres,
}

/// <summary>Runs a theory once per engine: <c>[Theory, BothEngines]</c> with a <see cref="DatabaseEngine"/> parameter.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothEnginesAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new([new TheoryDataRow(DatabaseEngine.Sqlite), new TheoryDataRow(DatabaseEngine.Postgres)]);

    public override bool SupportsDiscoveryEnumeration() => true;
}
