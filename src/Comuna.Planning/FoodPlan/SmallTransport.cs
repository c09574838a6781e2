namespace Comuna.Planning.FoodPlan;

/// <summary>
/// A small transportation problem solved exactly by <see cref="NetworkSimplex"/>: plan arcs, each
/// from a sender (who sends at most what it has) to a receiver (who takes at most what it can),
/// at a cost per unit and within the arc's own bound. The food plan's blocks are such problems: a
/// supplying place's lots to its routes, or the routes into a receiving place to its needs.
/// </summary>
internal static class SmallTransport
{
    /// <summary>A side of the problem: which node an arc has there, and how much that node sends or takes.</summary>
    public sealed record Side(Func<int, int> NodeOf, Func<int, double> Limit, Action<int, double>? Potential = null);

    /// <summary>
    /// Solves the problem over the arcs of <paramref name="arcList"/> that pay (cost below zero);
    /// gives the optimum's cost, tells each node's potential to its side and each paying arc's
    /// flow to <paramref name="flow"/>.
    /// </summary>
    public static double Solve(IEnumerable<int> arcList, Func<int, double> arcCost, Func<int, double> arcUpper,
        Side senders, Side receivers, Action<int, double>? flow = null)
    {
        var sender = new Dictionary<int, int>();
        var receiver = new Dictionary<int, int>();
        var paying = new List<int>();
        foreach (var a in arcList)
        {
            if (arcCost(a) >= 0 || arcUpper(a) <= 0)
                continue; // never worth using at these costs, or no room
            paying.Add(a);
            sender.TryAdd(senders.NodeOf(a), sender.Count);
        }
        if (paying.Count == 0)
            return 0;
        foreach (var a in paying)
            receiver.TryAdd(receivers.NodeOf(a), sender.Count + receiver.Count);
        var nodes = sender.Count + receiver.Count;
        var count = nodes + paying.Count;
        var from = new int[count];
        var to = new int[count];
        var cost = new double[count];
        var upper = new double[count];
        var send = new double[nodes];
        foreach (var (key, n) in sender)
        {
            from[n] = n;
            to[n] = nodes;
            upper[n] = double.PositiveInfinity;
            send[n] = Math.Max(0, senders.Limit(key));
        }
        foreach (var (key, n) in receiver)
        {
            from[n] = n;
            to[n] = nodes;
            upper[n] = Math.Max(0, receivers.Limit(key));
        }
        double scale = 1;
        for (var i = 0; i < paying.Count; i++)
        {
            var a = paying[i];
            var n = nodes + i;
            from[n] = sender[senders.NodeOf(a)];
            to[n] = receiver[receivers.NodeOf(a)];
            cost[n] = arcCost(a);
            upper[n] = arcUpper(a);
            scale = Math.Max(scale, -cost[n]);
        }
        var simplex = new NetworkSimplex(nodes, from, to, cost, upper, send, scale);
        simplex.Solve();
        if (senders.Potential is { } senderPotential)
            foreach (var (key, n) in sender)
                senderPotential(key, simplex.Potential(n));
        if (receivers.Potential is { } receiverPotential)
            foreach (var (key, n) in receiver)
                receiverPotential(key, simplex.Potential(n));
        if (flow is not null)
            for (var i = 0; i < paying.Count; i++)
                flow(paying[i], simplex.Flow(nodes + i));
        return simplex.TotalCost();
    }
}
