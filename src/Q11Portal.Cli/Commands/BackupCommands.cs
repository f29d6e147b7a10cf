using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Backups;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Cli.Commands;

/// <summary><c>backup --out DIR</c> and <c>restore --from DIR</c> (see <see cref="PortalBackup"/>).</summary>
public static class BackupCommands
{
    public static void AddTo(RootCommand root, CliHost host)
    {
        root.Subcommands.Add(Backup(host));
        root.Subcommands.Add(Restore(host));
    }

    private static Command Backup(CliHost host)
    {
        var output = new Option<string>("--out") { Description = "A new or empty folder for the backup.", Required = true };
        var command = new Command("backup",
            "Copy the SQLite database (safe while the site runs), uploads, documents and keys into a folder with a manifest.json of SHA-256 hashes.") { output };
        command.SetAction(async (parse, ct) => await CliRunner.RunAsync(host, async services =>
        {
            var manifest = Unwrap(await services.GetRequiredService<PortalBackup>().BackupAsync(parse.GetValue(output)!, Progress(host, "Copied"), ct));
            host.Out.WriteLine($"Backup written: {manifest.Files.Count} file(s), {Megabytes(manifest.TotalBytes)}, {Path.Combine(Path.GetFullPath(parse.GetValue(output)!), BackupManifest.FileName)}.");
            if (manifest.Database is null)
            {
                host.Out.WriteLine($"The {manifest.Provider} database is not in this backup: {NativeTool(manifest.Provider)} (docs/deployment.md, Backups).");
            }

            return 0;
        }, Register));
        return command;
    }

    private static Command Restore(CliHost host)
    {
        var from = new Option<string>("--from") { Description = "A folder written by 'backup'.", Required = true };
        var command = new Command("restore",
            "Put a backup into an empty data directory (DataDirectory), after checking every file against its manifest.") { from };
        command.SetAction(async (parse, ct) => await CliRunner.RunAsync(host, async services =>
        {
            var manifest = Unwrap(await services.GetRequiredService<PortalBackup>().RestoreAsync(parse.GetValue(from)!, Progress(host, "Restored"), ct));
            host.Out.WriteLine($"Restored {manifest.Files.Count} file(s) from the backup of {manifest.CreatedAtUtc:yyyy-MM-dd HH:mm} UTC into {services.GetRequiredService<PortalPaths>().DataDirectory}.");
            if (manifest.Database is null)
            {
                host.Out.WriteLine($"The {manifest.Provider} database was not in the backup: restore it with the database's own tools first.");
            }

            host.Out.WriteLine("The search index is rebuilt by the site at its next start.");
            return 0;
        }, Register));
        return command;
    }

    private static void Register(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        services.AddScoped<PortalBackup>();

    private static BackupManifest Unwrap(Result<BackupManifest> result) =>
        result.Succeeded ? result.Value! : throw new CliException(result.Message ?? result.Outcome.ToString());

    private static CliProgress<BackupProgress> Progress(CliHost host, string verb) =>
        new(host.Out, p => $"{verb} {p.Done}/{p.Total} files ({Megabytes(p.Bytes)})", p => p.Done == p.Total);

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.0} MB";

    private static string NativeTool(string provider) => provider == nameof(DatabaseProvider.SqlServer)
        ? "back it up with BACKUP DATABASE on the SQL Server"
        : "back it up with pg_dump";
}
