namespace Comuna.Domain.Distribution;

/// <summary>What a round hands out.</summary>
public enum DistributionKind
{
    /// <summary>A box of food (the CLAP box).</summary>
    FoodBox,

    /// <summary>A bottle of cooking gas.</summary>
    GasBottle,

    /// <summary>Fresh produce, usually from the communes' own harvest, by weight.</summary>
    Produce,
}
