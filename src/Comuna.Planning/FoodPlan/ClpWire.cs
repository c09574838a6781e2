using System.Runtime.InteropServices;

namespace Comuna.Planning.FoodPlan;

/// <summary>
/// What the planner and its CLP worker (<see cref="ClpWorker"/>) say to each other over the
/// worker's standard input and output: one request (how to solve, the CPU time allowed, the
/// programme, the starting point) and one solution. Binary, in this machine's byte order — both
/// ends are the same build on the same machine — with a leading mark so that a worker of another
/// build refuses rather than misreads.
/// </summary>
internal static class ClpWire
{
    private const int Mark = 0x434C5031; // "CLP1"

    public sealed record Request(ClpInteriorPoint.Method Method, double CpuSeconds, ClpInteriorPoint.Matrix Matrix, double[]? From);

    public static void Write(Stream stream, Request request)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Mark);
        writer.Write((int)request.Method);
        writer.Write(request.CpuSeconds);
        var m = request.Matrix;
        writer.Write(m.Rows);
        Array(writer, m.ColumnStart);
        Array(writer, m.RowIndex);
        Array(writer, m.Cost);
        Array(writer, m.ColumnUpper);
        Array(writer, m.RowUpper);
        writer.Write(request.From is not null);
        if (request.From is not null)
            Array(writer, request.From);
    }

    public static Request ReadRequest(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadInt32() != Mark)
            throw new InvalidDataException("Not a request of this build's CLP worker.");
        var method = (ClpInteriorPoint.Method)reader.ReadInt32();
        var cpuSeconds = reader.ReadDouble();
        var matrix = new ClpInteriorPoint.Matrix(reader.ReadInt32(), Array<int>(reader), Array<int>(reader), Array<double>(reader), Array<double>(reader), Array<double>(reader));
        var from = reader.ReadBoolean() ? Array<double>(reader) : null;
        return new Request(method, cpuSeconds, matrix, from);
    }

    public static void Write(Stream stream, ClpInteriorPoint.Solution solution)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Mark);
        writer.Write(solution.Status);
        writer.Write(solution.Objective);
        Array(writer, solution.Columns);
        Array(writer, solution.RowDuals);
        writer.Write(solution.Iterations);
    }

    public static ClpInteriorPoint.Solution ReadSolution(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadInt32() != Mark)
            throw new InvalidDataException("Not a solution of this build's CLP worker.");
        return new ClpInteriorPoint.Solution(reader.ReadInt32(), reader.ReadDouble(), Array<double>(reader), Array<double>(reader), reader.ReadInt32());
    }

    private static void Array<T>(BinaryWriter writer, T[] values) where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static T[] Array<T>(BinaryReader reader) where T : unmanaged
    {
        var values = new T[reader.ReadInt32()];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
