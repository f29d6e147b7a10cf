using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Data;
using Q11Portal.Core.Users;
using Q11Portal.Testing;

namespace Q11Portal.Cli.Tests;

public sealed class BackupCommandTests
{
    private const string StaffPassword = "mot-cau-rat-dai-de-nho";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BackupThenRestore_WhileAConnectionWrites_GivesTheSameSiteInAnEmptyFolder()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        Assert.Equal(0, (await CliRun.RunAsync(database, "seed-demo")).ExitCode);
        await CliRun.RunWithInputAsync(StaffPassword + "\n", ["users", "add", "bt@q11.test", "--role", "Editor", .. Settings(database)]);
        Directory.CreateDirectory(Path.Combine(database.DataDirectory, "search-index"));
        await File.WriteAllTextAsync(Path.Combine(database.DataDirectory, "search-index", "segments_1"), "node-local", Ct);
        var backup = Path.Combine(database.DataDirectory, "..", Path.GetFileName(database.DataDirectory) + "-backup");
        var restored = Directory.CreateTempSubdirectory("q11-restored-").FullName;
        try
        {
            CliRun run;
            int writes;
            using (var writer = new CounterWriter(database.ConnectionString))
            {
                await writer.WaitForWritesAsync(5);
                run = await CliRun.RunAsync(database, "backup", "--out", backup);
                writes = await writer.StopAsync();
            }

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Matches(@"Copied (\d+)/\1 files", run.Output);
            var restore = await CliRun.RunAsync("restore", "--from", backup, "--Database:Provider=Sqlite", "--Database:ConnectionString=", "--DataDirectory=" + restored);
            Assert.True(restore.ExitCode == 0, restore.ToString());

            await using var source = database.CreateContext();
            await using var copy = Context(restored);
            Assert.Equal(await source.Articles.CountAsync(Ct), await copy.Articles.CountAsync(Ct));
            Assert.True(await copy.Articles.CountAsync(Ct) > 0);
            Assert.Equal(await source.MediaFiles.CountAsync(Ct), await copy.MediaFiles.CountAsync(Ct));
            Assert.Equal(await source.Attachments.CountAsync(Ct), await copy.Attachments.CountAsync(Ct));
            Assert.Equal(Listing(Path.Combine(database.DataDirectory, "uploads")), Listing(Path.Combine(restored, "uploads")));
            Assert.Equal(Listing(Path.Combine(database.DataDirectory, "documents")), Listing(Path.Combine(restored, "documents")));
            Assert.NotEmpty(Listing(Path.Combine(restored, "documents")));
            Assert.False(Directory.Exists(Path.Combine(restored, "search-index")));
            // The writer bumps two counters in one transaction: a consistent copy has them equal, and has some of them.
            var counters = await copy.Articles.OrderBy(a => a.Id).Take(2).Select(a => a.ViewCount).ToListAsync(Ct);
            Assert.Equal(counters[0], counters[1]);
            Assert.InRange(counters[0], 5, writes);
            var staff = await copy.Users.SingleAsync(u => u.Email == "bt@q11.test", Ct);
            Assert.NotEqual(PasswordVerificationResult.Failed, new PasswordHasher<PortalUser>().VerifyHashedPassword(staff, staff.PasswordHash!, StaffPassword));

            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(backup, "manifest.json"), Ct));
            Assert.Equal("Sqlite", manifest.RootElement.GetProperty("provider").GetString());
            var files = manifest.RootElement.GetProperty("files").EnumerateArray().ToList();
            Assert.Contains(files, f => f.GetProperty("path").GetString() == "q11portal.db");
            Assert.All(files, f => Assert.Matches("^[0-9a-f]{64}$", f.GetProperty("sha256").GetString()));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(backup, recursive: true);
            Directory.Delete(restored, recursive: true);
        }
    }

    [Fact]
    public async Task Restore_NonEmptyFolderOrChangedFile_RefusesAndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        Assert.Equal(0, (await CliRun.RunAsync(database, "seed-demo")).ExitCode);
        var backup = Path.Combine(database.DataDirectory, "backup");
        Assert.Equal(0, (await CliRun.RunAsync(database, "backup", "--out", backup)).ExitCode);
        var target = Directory.CreateTempSubdirectory("q11-restored-").FullName;
        try
        {
            var intoItself = await CliRun.RunAsync(database, "restore", "--from", backup);
            var image = Directory.EnumerateFiles(Path.Combine(backup, "uploads"), "*", SearchOption.AllDirectories).First();
            await File.AppendAllTextAsync(image, "x", Ct);
            var tampered = await CliRun.RunAsync("restore", "--from", backup, "--Database:ConnectionString=", "--DataDirectory=" + target);
            var again = await CliRun.RunAsync(database, "backup", "--out", backup);

            Assert.Equal(CliRunner.BadInput, intoItself.ExitCode);
            Assert.Contains("không trống", intoItself.Error);
            Assert.Equal(CliRunner.BadInput, tampered.ExitCode);
            Assert.Contains("không khớp manifest.json", tampered.Error);
            Assert.Empty(Directory.EnumerateFileSystemEntries(target));
            Assert.Equal(CliRunner.BadInput, again.ExitCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(target, recursive: true);
        }
    }

    [Theory]
    [InlineData("PostgreSql", "pg_dump")]
    [InlineData("SqlServer", "BACKUP DATABASE")]
    public async Task Backup_ServerDatabase_CopiesMediaAndNamesTheNativeTool(string provider, string tool)
    {
        var data = Directory.CreateTempSubdirectory("q11-media-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(data, "uploads", "2026", "12"));
            await File.WriteAllBytesAsync(Path.Combine(data, "uploads", "2026", "12", "anh.webp"), [1, 2, 3, 4], Ct);
            var backup = Path.Combine(data, "..", Path.GetFileName(data) + "-backup");

            // The server is never contacted: the database is not this verb's to copy.
            var run = await CliRun.RunAsync("backup", "--out", backup, "--Database:Provider=" + provider,
                "--Database:ConnectionString=Host=127.0.0.1;Port=1;Server=127.0.0.1,1", "--DataDirectory=" + data);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains(tool, run.Output);
            Assert.Equal([4L], Directory.GetFiles(backup, "*.webp", SearchOption.AllDirectories).Select(f => new FileInfo(f).Length));
            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(backup, "manifest.json"), Ct));
            Assert.Equal(JsonValueKind.Null, manifest.RootElement.GetProperty("database").ValueKind);
            Directory.Delete(backup, recursive: true);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task BackupThenRestore_MediaDirectoryOutsideData_CopiesAndRestoresTheMedia()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        Assert.Equal(0, (await CliRun.RunAsync(database, "migrate")).ExitCode);
        var root = Directory.CreateTempSubdirectory("q11-media-elsewhere-").FullName;
        try
        {
            var media = Path.Combine(root, "shared-media");
            Directory.CreateDirectory(Path.Combine(media, "uploads", "2026", "12"));
            Directory.CreateDirectory(Path.Combine(media, "documents"));
            await File.WriteAllBytesAsync(Path.Combine(media, "uploads", "2026", "12", "anh.webp"), [1, 2, 3, 4], Ct);
            await File.WriteAllBytesAsync(Path.Combine(media, "documents", "ke-hoach.pdf"), [5, 6, 7], Ct);
            var backup = Path.Combine(root, "backup");

            var run = await CliRun.RunAsync(database, "backup", "--out", backup, "--Media:Directory=" + media);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal([1, 2, 3, 4], await File.ReadAllBytesAsync(Path.Combine(backup, "uploads", "2026", "12", "anh.webp"), Ct));
            Assert.Equal([5, 6, 7], await File.ReadAllBytesAsync(Path.Combine(backup, "documents", "ke-hoach.pdf"), Ct));

            var restoredData = Path.Combine(root, "data-restored");
            var restoredMedia = Path.Combine(root, "media-restored");
            var restore = await CliRun.RunAsync("restore", "--from", backup, "--Database:Provider=Sqlite", "--Database:ConnectionString=",
                "--DataDirectory=" + restoredData, "--Media:Directory=" + restoredMedia);

            Assert.True(restore.ExitCode == 0, restore.ToString());
            Assert.Equal([1, 2, 3, 4], await File.ReadAllBytesAsync(Path.Combine(restoredMedia, "uploads", "2026", "12", "anh.webp"), Ct));
            Assert.Equal([5, 6, 7], await File.ReadAllBytesAsync(Path.Combine(restoredMedia, "documents", "ke-hoach.pdf"), Ct));
            Assert.False(Directory.Exists(Path.Combine(restoredData, "uploads")));
            Assert.True(File.Exists(Path.Combine(restoredData, "q11portal.db")));

            // A second restore into the same media folder is refused: it is no longer empty.
            var again = await CliRun.RunAsync("restore", "--from", backup, "--Database:Provider=Sqlite", "--Database:ConnectionString=",
                "--DataDirectory=" + Path.Combine(root, "data-again"), "--Media:Directory=" + restoredMedia);
            Assert.Equal(CliRunner.BadInput, again.ExitCode);
            Assert.Contains("Media:Directory", again.ToString());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string[] Settings(TestDatabase database) => [.. database.Settings.Select(s => $"--{s.Key}={s.Value}")];

    private static PortalDbContext Context(string dataDirectory)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DataServiceCollectionExtensions.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Sqlite }, new PortalPaths(dataDirectory));
        return new PortalDbContext(builder.Options);
    }

    /// <summary>Relative path and size of every file below <paramref name="root"/>, sorted.</summary>
    private static List<string> Listing(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => $"{Path.GetRelativePath(root, f)} {new FileInfo(f).Length}")
            .Order(StringComparer.Ordinal)];

    /// <summary>Adds one to the first two articles' view counts in one transaction, again and again, on its own connection.</summary>
    private sealed class CounterWriter : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task<int> loop;
        private int count;

        public CounterWriter(string connectionString)
        {
            loop = Task.Run(async () =>
            {
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync();
                await using (var reset = connection.CreateCommand())
                {
                    reset.CommandText = "UPDATE Articles SET ViewCount = 0";
                    await reset.ExecuteNonQueryAsync();
                }

                while (!stop.IsCancellationRequested)
                {
                    await using var transaction = await connection.BeginTransactionAsync();
                    foreach (var offset in new[] { 0, 1 })
                    {
                        await using var command = connection.CreateCommand();
                        command.Transaction = (SqliteTransaction)transaction;
                        command.CommandText = $"UPDATE Articles SET ViewCount = ViewCount + 1 WHERE Id = (SELECT Id FROM Articles ORDER BY Id LIMIT 1 OFFSET {offset})";
                        await command.ExecuteNonQueryAsync();
                    }

                    await transaction.CommitAsync();
                    Interlocked.Increment(ref count);
                    await Task.Delay(2);
                }

                return Volatile.Read(ref count);
            });
        }

        public async Task WaitForWritesAsync(int writes)
        {
            while (Volatile.Read(ref count) < writes)
            {
                await Task.Delay(10);
            }
        }

        public async Task<int> StopAsync()
        {
            await stop.CancelAsync();
            return await loop;
        }

        public void Dispose()
        {
            stop.Cancel();
            stop.Dispose();
        }
    }
}
