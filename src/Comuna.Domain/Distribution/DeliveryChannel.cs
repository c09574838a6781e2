namespace Comuna.Domain.Distribution;

/// <summary>How a delivery was recorded: found by search at the pick-up point, or from a printed sheet afterwards.</summary>
public enum DeliveryChannel
{
    Search,
    PaperSheet,
}
