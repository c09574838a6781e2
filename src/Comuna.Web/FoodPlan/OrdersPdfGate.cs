namespace Comuna.Web.FoodPlan;

/// <summary>
/// Lets one PDF of delivery orders compose at a time in this server. A national plan's whole set
/// (some 300,000 shipments) takes about 11 s of a core and 340 MB while it composes, and a
/// published plan's orders are open to anyone: without a queue, ten readers at once would hold
/// 3 GB. The others wait their turn (and stop waiting when they leave); a commune's own orders
/// take a moment, so the queue is short.
/// </summary>
public sealed class OrdersPdfGate : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Composes with <paramref name="compose"/> once it is this request's turn.</summary>
    public async Task<byte[]> ComposeAsync(Func<byte[]> compose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compose);
        await _turn.WaitAsync(cancellationToken);
        try
        {
            return compose();
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Holds the turn until the returned handle is disposed: for a test to see a request wait.</summary>
    public async Task<IDisposable> HoldAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        return new Turn(_turn);
    }

    public void Dispose() => _turn.Dispose();

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        public void Dispose() => turn.Release();
    }
}
