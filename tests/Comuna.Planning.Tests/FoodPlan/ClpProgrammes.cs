using Comuna.Planning.FoodPlan;

namespace Comuna.Planning.Tests.FoodPlan;

/// <summary>Programmes handed to CLP whole, for the tests of its interface and of its worker.</summary>
internal static class ClpProgrammes
{
    /// <summary>
    /// Two supplies of 10 and two needs of 8, an arc from each supply to each need, and a shared
    /// row x11 + x22 ≤ 6. Saving 5·x11 + 4·x12 + 3·x21 + 6·x22 at most is 68, reached by every
    /// x11 = a, x22 = 6 − a, x12 = 2 + a, x21 = 8 − a with 2 ≤ a ≤ 4: an optimal edge, whose two
    /// ends are the only optimal vertices.
    /// </summary>
    public static readonly ClpInteriorPoint.Matrix Edge = new(
        Rows: 5,
        ColumnStart: [0, 3, 5, 7, 10],
        RowIndex: [0, 2, 4, /* x12 */ 0, 3, /* x21 */ 1, 2, /* x22 */ 1, 3, 4],
        Cost: [-5, -4, -3, -6],
        ColumnUpper: [double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity],
        RowUpper: [10, 10, 8, 8, 6]);

    /// <summary>
    /// A dense transport of <paramref name="side"/> supplies to as many needs, each arc also in one
    /// of <paramref name="side"/> shared rows: a programme whose interior point takes seconds, for
    /// the tests that stop a solve in the middle.
    /// </summary>
    public static ClpInteriorPoint.Matrix Dense(int side, int seed)
    {
        var random = new Random(seed);
        var columns = side * side;
        var start = new int[columns + 1];
        var index = new int[3 * columns];
        var cost = new double[columns];
        var upper = new double[columns];
        for (var i = 0; i < side; i++)
            for (var j = 0; j < side; j++)
            {
                var c = (i * side) + j;
                start[c] = 3 * c;
                index[3 * c] = i;
                index[(3 * c) + 1] = side + j;
                index[(3 * c) + 2] = (2 * side) + ((i + j) % side);
                cost[c] = -(1 + random.NextDouble());
                upper[c] = double.PositiveInfinity;
            }
        start[columns] = 3 * columns;
        var rowUpper = Enumerable.Range(0, 3 * side).Select(_ => 50 + (100 * random.NextDouble())).ToArray();
        return new ClpInteriorPoint.Matrix(3 * side, start, index, cost, upper, rowUpper);
    }
}
