using Comuna.Planning.FoodPlan;

// One CLP solve: the request on standard input, the solution on standard output (ClpWire).
return ClpWorker.Serve(Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error);
