using Comuna.Cli.Commands;

return await ComunaCommand.Create().Parse(args).InvokeAsync();
