using System.CommandLine;
using Q11Portal.Cli;
using Q11Portal.Cli.Commands;

Console.OutputEncoding = System.Text.Encoding.UTF8;

var configurationArgs = args.Where(CliHost.IsConfigurationArgument).ToArray();
var commandArgs = args.Where(a => !CliHost.IsConfigurationArgument(a)).ToArray();
var host = new CliHost(configurationArgs);

var root = new RootCommand("q11portal — công cụ vận hành cổng thông tin Quận ủy Quận 11 (Q11Portal operator tool)." +
    " Configuration overrides: --Database:Provider=Sqlite|SqlServer|PostgreSql --Database:ConnectionString=… --DataDirectory=…");
root.Subcommands.Add(DatabaseCommands.Migrate(host));
root.Subcommands.Add(DatabaseCommands.SeedDemo(host));

return await root.Parse(commandArgs).InvokeAsync();
