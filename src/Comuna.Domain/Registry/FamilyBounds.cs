namespace Comuna.Domain.Registry;

/// <summary>How many families a council may have: at least <see cref="Min"/>, and at most <see cref="Max"/> when set.</summary>
public readonly record struct FamilyBounds(int Min, int? Max)
{
    public bool Contains(int families) => families >= Min && (Max is null || families <= Max);

    public override string ToString() => Max is null ? $"≥ {Min}" : $"{Min}–{Max}";
}
