namespace Comuna.Domain.Deliberation;

/// <summary>Who a delegate of the communal parliament speaks for: a council, the productive organisations, or the communal bank.</summary>
public enum SeatKind
{
    Council,
    ProductiveOrganisation,
    CommunalBank,
}
