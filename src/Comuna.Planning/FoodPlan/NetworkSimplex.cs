namespace Comuna.Planning.FoodPlan;

/// <summary>
/// A primal network simplex for a min-cost flow whose every node has an arc to one root that can
/// carry the node's supply away: the arcs to the root are the first spanning tree, so no artificial
/// arcs and no first phase are needed. Flows, costs and bounds are doubles, so a product's
/// transportation problem is solved exactly as the LP states it (no scaling to integers); and the
/// tree survives a change of costs, so the food plan's decomposition re-solves each product from
/// its last optimum after new route prices, in a few pivots rather than from scratch.
/// </summary>
/// <remarks>
/// Node potentials <c>π</c> make every tree arc's reduced cost <c>c − π(from) + π(to)</c> zero.
/// Entering arcs are chosen by block search (the most violating arc of a block of about √m arcs),
/// the leaving arc by the strongly feasible rule (the last blocking arc of the cycle from its apex).
/// The tree keeps parent, depth and child lists; a pivot re-hangs the cut-off subtree and walks it
/// once to set its depths and shift its potentials.
/// </remarks>
public sealed class NetworkSimplex
{
    private const sbyte InTree = 0, AtLower = 1, AtUpper = -1;

    private readonly int nodes; // the root is node `nodes`
    private readonly int[] from;
    private readonly int[] to;
    private readonly double[] cost;
    private readonly double[] upper;
    private readonly double[] flow;
    private readonly sbyte[] state;
    private readonly int arcCount;

    private readonly int[] parent;
    private readonly int[] predArc;
    private readonly int[] depth;
    private readonly int[] firstChild;
    private readonly int[] nextSibling;
    private readonly int[] prevSibling;
    private readonly double[] potential;
    private readonly int[] stack;
    private readonly double tolerance;
    private int nextBlock;

    /// <summary>
    /// <paramref name="supply"/>[i] ≥ 0 leaves node i; the root takes what is not shipped. Arc
    /// i (for i &lt; nodes) must be node i's arc to the root, able to carry its supply. Arcs from
    /// <paramref name="nodes"/> on are the problem's own, between any nodes (the root is node
    /// <paramref name="nodes"/>).
    /// </summary>
    public NetworkSimplex(int nodes, int[] from, int[] to, double[] cost, double[] upper, double[] supply, double costScale = 1)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(upper);
        ArgumentNullException.ThrowIfNull(supply);
        this.nodes = nodes;
        this.from = from;
        this.to = to;
        this.cost = cost;
        this.upper = upper;
        arcCount = from.Length;
        flow = new double[arcCount];
        state = new sbyte[arcCount];
        var all = nodes + 1;
        parent = new int[all];
        predArc = new int[all];
        depth = new int[all];
        firstChild = new int[all];
        nextSibling = new int[all];
        prevSibling = new int[all];
        potential = new double[all];
        stack = new int[all];
        tolerance = 1e-11 * Math.Max(1, costScale);

        Array.Fill(state, AtLower);
        Array.Fill(firstChild, -1);
        parent[nodes] = -1;
        predArc[nodes] = -1;
        for (var i = 0; i < nodes; i++)
        {
            if (from[i] != i || to[i] != nodes || upper[i] < supply[i] || supply[i] < 0)
                throw new ArgumentException($"Arc {i} must carry node {i}'s supply to the root.", nameof(from));
            flow[i] = supply[i];
            state[i] = InTree;
            parent[i] = nodes;
            predArc[i] = i;
            depth[i] = 1;
            Attach(i, nodes);
        }
        ComputePotentials();
    }

    public double Flow(int arc) => flow[arc];

    public double Potential(int node) => potential[node];

    /// <summary>The arc's cost less the potentials at its ends: zero in the tree, below zero where it pays to carry more.</summary>
    public double ReducedCost(int arc) => cost[arc] - potential[from[arc]] + potential[to[arc]];

    /// <summary>Σ cost·flow over all arcs.</summary>
    public double TotalCost()
    {
        double total = 0;
        for (var a = 0; a < arcCount; a++)
            if (flow[a] != 0)
                total += cost[a] * flow[a];
        return total;
    }

    /// <summary>Sets an arc's cost; the tree stays, so the next <see cref="Solve"/> carries on from it.</summary>
    public void SetCost(int arc, double value) => cost[arc] = value;

    /// <summary>Pivots to an optimum from the current tree.</summary>
    public void Solve()
    {
        ComputePotentials();
        var block = Math.Max(10, (int)Math.Sqrt(arcCount));
        while (FindEntering(block) is var entering and >= 0)
            Pivot(entering);
    }

    private double Reduced(int a) => cost[a] - potential[from[a]] + potential[to[a]];

    /// <summary>The most violating arc of the first block (from where the last search stopped) that has one; −1 at the optimum.</summary>
    private int FindEntering(int block)
    {
        var best = -1;
        var bestViolation = tolerance;
        var seen = 0;
        var a = nextBlock;
        for (var checkedArcs = 0; checkedArcs < arcCount; checkedArcs++)
        {
            var s = state[a];
            if (s != InTree)
            {
                var violation = -s * Reduced(a);
                if (violation > bestViolation)
                {
                    bestViolation = violation;
                    best = a;
                }
            }
            if (++a == arcCount)
                a = 0;
            if (++seen >= block)
            {
                if (best >= 0)
                    break;
                seen = 0;
            }
        }
        nextBlock = a;
        return best;
    }

    private void Pivot(int entering)
    {
        // Flow goes first → second along the entering arc, back up from second to the apex and down to first.
        int first, second;
        if (state[entering] == AtLower)
            (first, second) = (from[entering], to[entering]);
        else
            (first, second) = (to[entering], from[entering]);
        var apex = Apex(first, second);

        // The leaving arc: the last blocking one of the cycle apex → first → second → apex.
        var delta = double.PositiveInfinity;
        var leavingNode = -1; // the node whose tree arc leaves; -1 when the entering arc itself does
        var leavingOnFirstSide = false;
        var leavingFills = false; // the leaving arc ends at its upper bound (else at zero)
        for (var v = first; v != apex; v = parent[v])
        {
            // Down the tree from the apex to first: flow goes parent → v.
            var a = predArc[v];
            var emptying = from[a] == v;
            var room = emptying ? flow[a] : upper[a] - flow[a];
            if (room < delta)
            {
                delta = room;
                leavingNode = v;
                leavingOnFirstSide = true;
                leavingFills = !emptying;
            }
        }
        if (upper[entering] <= delta)
        {
            delta = upper[entering];
            leavingNode = -1;
        }
        for (var v = second; v != apex; v = parent[v])
        {
            // Up the tree from second to the apex: flow goes v → parent.
            var a = predArc[v];
            var filling = from[a] == v;
            var room = filling ? upper[a] - flow[a] : flow[a];
            if (room <= delta)
            {
                delta = room;
                leavingNode = v;
                leavingOnFirstSide = false;
                leavingFills = filling;
            }
        }
        if (double.IsPositiveInfinity(delta))
            throw new InvalidOperationException("The flow problem is unbounded: a cycle of negative cost has no capacity.");

        if (delta > 0)
        {
            flow[entering] += state[entering] == AtLower ? delta : -delta;
            for (var v = first; v != apex; v = parent[v])
            {
                var a = predArc[v];
                flow[a] += from[a] == v ? -delta : delta;
            }
            for (var v = second; v != apex; v = parent[v])
            {
                var a = predArc[v];
                flow[a] += from[a] == v ? delta : -delta;
            }
        }

        if (leavingNode < 0)
        {
            state[entering] = state[entering] == AtLower ? AtUpper : AtLower;
            if (state[entering] == AtUpper)
                flow[entering] = upper[entering];
            else
                flow[entering] = 0;
            return;
        }

        var leaving = predArc[leavingNode];
        state[leaving] = leavingFills ? AtUpper : AtLower;
        flow[leaving] = leavingFills ? upper[leaving] : 0;
        state[entering] = InTree;

        // The subtree under leavingNode now hangs from the entering arc: q (its endpoint in the
        // subtree) takes p as parent, and the path q … leavingNode turns over.
        var q = leavingOnFirstSide ? first : second;
        var p = leavingOnFirstSide ? second : first;
        var newParent = p;
        var newArc = entering;
        var v2 = q;
        while (true)
        {
            var oldParent = parent[v2];
            var oldArc = predArc[v2];
            Detach(v2);
            parent[v2] = newParent;
            predArc[v2] = newArc;
            Attach(v2, newParent);
            if (v2 == leavingNode)
                break;
            newParent = v2;
            newArc = oldArc;
            v2 = oldParent;
        }

        Refresh(q); // depths and potentials of the re-hung subtree
    }

    private int Apex(int a, int b)
    {
        while (depth[a] > depth[b])
            a = parent[a];
        while (depth[b] > depth[a])
            b = parent[b];
        while (a != b)
        {
            a = parent[a];
            b = parent[b];
        }
        return a;
    }

    private void Attach(int child, int to)
    {
        prevSibling[child] = -1;
        nextSibling[child] = firstChild[to];
        if (firstChild[to] >= 0)
            prevSibling[firstChild[to]] = child;
        firstChild[to] = child;
    }

    private void Detach(int child)
    {
        var p = parent[child];
        if (prevSibling[child] >= 0)
            nextSibling[prevSibling[child]] = nextSibling[child];
        else
            firstChild[p] = nextSibling[child];
        if (nextSibling[child] >= 0)
            prevSibling[nextSibling[child]] = prevSibling[child];
    }

    /// <summary>Potentials from the root down the whole tree (after costs changed).</summary>
    private void ComputePotentials()
    {
        potential[nodes] = 0;
        depth[nodes] = 0;
        for (var c = firstChild[nodes]; c >= 0; c = nextSibling[c])
            Refresh(c);
    }

    /// <summary>Depth and potential of every node under <paramref name="top"/> (itself included), from its tree arc down.</summary>
    private void Refresh(int top)
    {
        var count = 0;
        stack[count++] = top;
        while (count > 0)
        {
            var v = stack[--count];
            var a = predArc[v];
            var u = parent[v];
            depth[v] = depth[u] + 1;
            potential[v] = from[a] == u ? potential[u] - cost[a] : potential[u] + cost[a];
            for (var c = firstChild[v]; c >= 0; c = nextSibling[c])
                stack[count++] = c;
        }
    }
}
