using Comuna.Cli.Commands;

// A command line that does not parse (an unknown option, a bad value, a missing argument) is bad
// input: System.CommandLine prints the errors and the usage, and Comuna exits 2 as for any other
// bad input, so that 1 keeps meaning what each command says (a plan stopped short, a difference
// found by verify).
var parsed = ComunaCommand.Create().Parse(args);
var exitCode = await parsed.InvokeAsync();
return parsed.Errors.Count > 0 ? 2 : exitCode;
