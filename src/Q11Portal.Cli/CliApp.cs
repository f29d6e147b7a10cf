using System.CommandLine;
using Q11Portal.Cli.Commands;

namespace Q11Portal.Cli;

/// <summary>The whole command line as a function of its arguments and two writers, so tests run verbs in process.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default, TextReader? input = null)
    {
        var configurationArgs = args.Where(CliHost.IsConfigurationArgument).ToArray();
        var commandArgs = args.Where(a => !CliHost.IsConfigurationArgument(a)).ToArray();
        var host = new CliHost(configurationArgs, output, error, input);

        var root = new RootCommand("q11portal — công cụ vận hành cổng thông tin Quận ủy Quận 11 (Q11Portal operator tool)." +
            " Configuration overrides: --Database:Provider=Sqlite|SqlServer|PostgreSql --Database:ConnectionString=… --DataDirectory=…");
        // One line per verb; each verb lives in Commands/<Feature>Commands.cs.
        root.Subcommands.Add(DatabaseCommands.Migrate(host));
        root.Subcommands.Add(DatabaseCommands.SeedDemo(host));
        root.Subcommands.Add(ImportCommands.Import(host));
        root.Subcommands.Add(GenerateCommands.Generate(host));
        root.Subcommands.Add(UserCommands.Build(host));
        SearchCommands.AddTo(root, host);
        BackupCommands.AddTo(root, host);

        var invocation = new InvocationConfiguration { Output = output, Error = error };
        return await root.Parse(commandArgs).InvokeAsync(invocation, ct);
    }
}
