using System.Reflection;
using System.Runtime.InteropServices;

namespace Comuna.Planning.FoodPlan;

/// <summary>
/// CLP reached through its own C interface (the libClp that ships inside Google.OrTools' runtime
/// package), for what OR-Tools' wrapper does not offer: an interior point that stops at the
/// interior optimum, without the crossover to a basis; a primal simplex that starts from a given
/// point; and a model handed over whole as a column-wise matrix rather than coefficient by
/// coefficient.
/// </summary>
internal static partial class ClpInteriorPoint
{
    private const string Library = "Clp";

    /// <summary>How to solve: CLP's interior point alone, or followed by its crossover, or the primal simplex from a given point.</summary>
    public enum Method
    {
        Barrier,
        BarrierAndCrossover,
        PrimalFrom,
    }

    /// <summary>
    /// <c>min Cost·x</c> subject to <c>A x ≤ RowUpper</c> and <c>0 ≤ x ≤ ColumnUpper</c>, where every
    /// coefficient of A is 1: column j meets the rows <c>RowIndex[ColumnStart[j] .. ColumnStart[j+1]]</c>.
    /// </summary>
    public sealed record Matrix(int Rows, int[] ColumnStart, int[] RowIndex, double[] Cost, double[] ColumnUpper, double[] RowUpper);

    /// <summary>
    /// What one solve gave: CLP's status (0 optimal), the objective, a value per column and a dual
    /// per row; or, when the process that solved it failed (<see cref="ClpProcess"/>), why.
    /// </summary>
    public sealed record Solution(int Status, double Objective, double[] Columns, double[] RowDuals, int Iterations, string? Failure = null)
    {
        /// <summary>The status of a solve whose worker process failed: not one of CLP's.</summary>
        public const int WorkerFailed = -100;
    }

    // An explicit static constructor runs before the first call of any member, so the resolver is
    // in place before the first call into CLP; a field initialiser alone may wait for the first
    // field read, and a Solve called first would then not find the library.
    static ClpInteriorPoint()
    {
        NativeLibrary.SetDllImportResolver(typeof(ClpInteriorPoint).Assembly, Resolve);
        IsAvailable = Probe();
    }

    /// <summary>Whether CLP's C interface loads here (it ships with OR-Tools on Linux and macOS).</summary>
    public static bool IsAvailable { get; }

    private static bool Probe()
    {
        try
        {
            Clp_deleteModel(Clp_newModel());
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Library)
            return IntPtr.Zero;
        foreach (var file in new[] { "libClp.so.1", "libClp.1.dylib", "libClp.so", "Clp.dll" })
            if (NativeLibrary.TryLoad(file, assembly, path, out var handle))
                return handle;
        return IntPtr.Zero;
    }

    /// <summary>
    /// Solves <paramref name="matrix"/> by <paramref name="method"/> (<paramref name="from"/>: the
    /// starting point of <see cref="Method.PrimalFrom"/>). Past <paramref name="cpuSeconds"/> more
    /// seconds of the whole process's CPU time, CLP stops at its next iteration, with a status
    /// other than 0.
    /// </summary>
    public static Solution Solve(Matrix matrix, Method method, double[]? from = null, double cpuSeconds = double.PositiveInfinity)
    {
        var columns = matrix.Cost.Length;
        var value = new double[matrix.RowIndex.Length];
        Array.Fill(value, 1.0);
        var columnUpper = matrix.ColumnUpper.Select(u => double.IsFinite(u) ? u : double.MaxValue).ToArray();
        var rowLower = new double[matrix.Rows];
        Array.Fill(rowLower, -double.MaxValue);
        var model = Clp_newModel();
        try
        {
            Clp_setLogLevel(model, 0);
            // CLP has no interrupt: its interior point runs on a copy of the model's settings, so
            // a limit set once it has begun is never read. Its limit on CPU time, set before, is
            // read at every iteration.
            if (double.IsFinite(cpuSeconds))
                Clp_setMaximumSeconds(model, Math.Max(0, cpuSeconds));
            Clp_setOptimizationDirection(model, 1);
            Clp_loadProblem(model, columns, matrix.Rows, matrix.ColumnStart, matrix.RowIndex, value, new double[columns], columnUpper, matrix.Cost, rowLower, matrix.RowUpper);
            switch (method)
            {
                case Method.PrimalFrom:
                    // A values pass from the given point: from an interior optimum, the way to a
                    // vertex of the optimal face, as CLP's own crossover goes.
                    Clp_setColSolution(model, from ?? throw new ArgumentNullException(nameof(from)));
                    Clp_primal(model, 1);
                    break;
                case Method.BarrierAndCrossover:
                    Clp_initialBarrierSolve(model);
                    break;
                default:
                    // Without presolve: after a postsolve CLP cleans up by the primal simplex,
                    // a crossover in all but name.
                    var how = ClpSolve_new();
                    try
                    {
                        ClpSolve_setSolveType(how, UseBarrierNoCross, 0);
                        ClpSolve_setPresolveType(how, PresolveOff, 0);
                        Clp_initialSolveWithOptions(model, how);
                    }
                    finally
                    {
                        ClpSolve_delete(how);
                    }
                    break;
            }
            var x = new double[columns];
            var y = new double[matrix.Rows];
            Marshal.Copy(Clp_primalColumnSolution(model), x, 0, columns);
            Marshal.Copy(Clp_dualRowSolution(model), y, 0, matrix.Rows);
            return new Solution(Clp_status(model), Clp_objectiveValue(model), x, y, Clp_numberIterations(model));
        }
        finally
        {
            Clp_deleteModel(model);
        }
    }

    // ClpSolve::SolveType::useBarrierNoCross and ClpSolve::PresolveType::presolveOff.
    private const int UseBarrierNoCross = 4;
    private const int PresolveOff = 1;

    [LibraryImport(Library)]
    private static partial IntPtr ClpSolve_new();

    [LibraryImport(Library)]
    private static partial void ClpSolve_delete(IntPtr options);

    [LibraryImport(Library)]
    private static partial void ClpSolve_setSolveType(IntPtr options, int method, int extraInfo);

    [LibraryImport(Library)]
    private static partial void ClpSolve_setPresolveType(IntPtr options, int amount, int extraInfo);

    [LibraryImport(Library)]
    private static partial IntPtr Clp_newModel();

    [LibraryImport(Library)]
    private static partial void Clp_deleteModel(IntPtr model);

    [LibraryImport(Library)]
    private static partial void Clp_setLogLevel(IntPtr model, int value);

    [LibraryImport(Library)]
    private static partial void Clp_setOptimizationDirection(IntPtr model, double value);

    [LibraryImport(Library)]
    private static partial void Clp_loadProblem(IntPtr model, int columns, int rows, int[] start, int[] index, double[] value, double[] columnLower, double[] columnUpper, double[] objective, double[] rowLower, double[] rowUpper);

    [LibraryImport(Library)]
    private static partial int Clp_initialSolveWithOptions(IntPtr model, IntPtr options);

    [LibraryImport(Library)]
    private static partial int Clp_initialBarrierSolve(IntPtr model);

    [LibraryImport(Library)]
    private static partial void Clp_setColSolution(IntPtr model, double[] input);

    [LibraryImport(Library)]
    private static partial int Clp_primal(IntPtr model, int ifValuesPass);

    [LibraryImport(Library)]
    private static partial void Clp_setMaximumSeconds(IntPtr model, double value);

    [LibraryImport(Library)]
    private static partial IntPtr Clp_primalColumnSolution(IntPtr model);

    [LibraryImport(Library)]
    private static partial IntPtr Clp_dualRowSolution(IntPtr model);

    [LibraryImport(Library)]
    private static partial int Clp_status(IntPtr model);

    [LibraryImport(Library)]
    private static partial double Clp_objectiveValue(IntPtr model);

    [LibraryImport(Library)]
    private static partial int Clp_numberIterations(IntPtr model);
}
