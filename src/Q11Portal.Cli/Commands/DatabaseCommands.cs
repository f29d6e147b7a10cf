using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Data;

namespace Q11Portal.Cli.Commands;

public static class DatabaseCommands
{
    public static Command Migrate(CliHost host)
    {
        var command = new Command("migrate", "Apply every pending migration to the configured database.");
        command.SetAction(async (_, ct) => await CliRunner.RunAsync(host, async services =>
        {
            await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            host.Out.WriteLine("Database is up to date.");
            return 0;
        }));
        return command;
    }

    public static Command SeedDemo(CliHost host)
    {
        var command = new Command("seed-demo", "Migrate, then fill an empty database with the demo content.");
        command.SetAction(async (_, ct) => await CliRunner.RunAsync(host, async services =>
        {
            await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var added = await services.GetRequiredService<IDemoContentSeeder>().SeedAsync(ct);
            host.Out.WriteLine(added == 0
                ? "The database already has articles; demo content was not added."
                : $"Added {added} demo articles.");
            return 0;
        }));
        return command;
    }
}
