namespace Comuna.Domain.Deliberation;

public enum ArgumentSide
{
    For,
    Against,
}
