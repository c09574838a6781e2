namespace Comuna.Planning.FoodPlan;

/// <summary>
/// The CLP worker's side (the program <c>comuna-clp</c>): reads one request, solves it by CLP and
/// writes the solution. The planner runs each CLP solve in a worker of its own
/// (<see cref="ClpProcess"/>) because CLP has no interrupt: a solve the planner no longer waits
/// for — its time is up, the plan was cancelled, the server is stopping — is ended with its
/// process, where inside the planner's process it would hold a core and its memory until it
/// finished.
/// </summary>
public static class ClpWorker
{
    /// <summary>The worker's program: 0 when the solution was written, 2 when the request could not be read.</summary>
    public static int Serve(Stream input, Stream output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ClpWire.Request request;
        try
        {
            request = ClpWire.ReadRequest(input);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            error.WriteLine($"comuna-clp: {e.Message}");
            return 2;
        }
        EndWithThePlanner(input);
        var solution = ClpInteriorPoint.Solve(request.Matrix, request.Method, request.From, request.CpuSeconds);
        ClpWire.Write(output, solution);
        output.Flush();
        return 0;
    }

    /// <summary>
    /// Ends this process when its input closes: the planner keeps it open until it has read the
    /// solution, so an end before that means the planner's process is gone, and nobody waits for
    /// this solve.
    /// </summary>
    private static void EndWithThePlanner(Stream input)
    {
        var watch = new Thread(() =>
        {
            try
            {
                while (input.ReadByte() >= 0)
                {
                }
            }
            catch (IOException)
            {
            }
            Environment.Exit(3);
        })
        {
            IsBackground = true,
            Name = "planner watch",
        };
        watch.Start();
    }
}
