namespace Comuna.Domain.Registry;

/// <summary>Sex as recorded in the council's census (F or M in the census file).</summary>
public enum Sex
{
    Female,
    Male,
}
