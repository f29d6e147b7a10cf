using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Backups;

/// <summary>A copy of what a site cannot rebuild: a SQLite database (through SQLite's online backup, consistent while the
/// site writes), uploaded images and attached documents (from <c>Media:Directory</c>, restored into this site's), and the
/// shared keys folder when there is one. The search index
/// is left out: each node rebuilds its own from the database.</summary>
public sealed class PortalBackup(IOptions<DatabaseOptions> options, PortalPaths paths, TimeProvider clock, ILogger<PortalBackup> logger)
{
    private const string SqliteFileName = "q11portal.db";

    private DatabaseOptions Database => options.Value;

    /// <summary>Writes the backup into <paramref name="target"/>, which must be missing or empty.</summary>
    public async Task<Result<BackupManifest>> BackupAsync(string target, IProgress<BackupProgress>? progress, CancellationToken ct)
    {
        target = Path.GetFullPath(target);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            return Result<BackupManifest>.From(Result.Conflict($"Thư mục {target} không trống; hãy chọn một thư mục mới cho bản sao lưu."));
        }

        var media = Folders()
            .SelectMany(f => Directory.EnumerateFiles(f.Folder, "*", SearchOption.AllDirectories)
                .Select(file => (File: file, Relative: Path.GetRelativePath(f.Root, file).Replace('\\', '/'))))
            .ToList();
        var total = media.Count + (Database.Provider == DatabaseProvider.Sqlite ? 1 : 0);
        var files = new List<BackupFile>();
        Directory.CreateDirectory(target);
        string? databaseFile = null;
        if (Database.Provider == DatabaseProvider.Sqlite)
        {
            databaseFile = SqliteFileName;
            var copy = Path.Combine(target, SqliteFileName);
            await using (var source = new SqliteConnection(SqliteConnectionString()))
            await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
            {
                await source.OpenAsync(ct);
                await destination.OpenAsync(ct);
                source.BackupDatabase(destination);
            }

            files.Add(new BackupFile(SqliteFileName, new FileInfo(copy).Length, await HashingCopy.HashAsync(copy, ct)));
            progress?.Report(new BackupProgress(files.Count, total, files.Sum(f => f.Size)));
        }

        foreach (var (file, relative) in media)
        {
            var hash = await HashingCopy.CopyAsync(file, Path.Combine(target, relative), ct);
            files.Add(new BackupFile(relative, new FileInfo(file).Length, hash));
            progress?.Report(new BackupProgress(files.Count, total, files.Sum(f => f.Size)));
        }

        var manifest = new BackupManifest(BackupManifest.CurrentVersion, clock.GetUtcNow().UtcDateTime, Database.Provider.ToString(), databaseFile, files);
        await manifest.WriteAsync(target, ct);
        logger.LogInformation("Backup of {Count} files ({Bytes} bytes) written to {Target}", files.Count, manifest.TotalBytes, target);
        return manifest;
    }

    /// <summary>Puts a backup into the configured data directory (and SQLite file), which must not hold anything yet.
    /// Every file is checked against the manifest before the first one is written.</summary>
    public async Task<Result<BackupManifest>> RestoreAsync(string source, IProgress<BackupProgress>? progress, CancellationToken ct)
    {
        source = Path.GetFullPath(source);
        if (await BackupManifest.ReadAsync(source, ct) is not { } manifest)
        {
            return Result<BackupManifest>.From(Result.Invalid($"{source} không phải là bản sao lưu: không đọc được {BackupManifest.FileName}."));
        }

        var refusal = RestoreTargetProblem(manifest);
        if (refusal is not null)
        {
            return Result<BackupManifest>.From(refusal);
        }

        foreach (var file in manifest.Files)
        {
            var path = InsideBackup(source, file.Path);
            if (path is null || !File.Exists(path) || new FileInfo(path).Length != file.Size || await HashingCopy.HashAsync(path, ct) != file.Sha256)
            {
                return Result<BackupManifest>.From(Result.Invalid($"Tệp {file.Path} trong bản sao lưu bị thiếu hoặc đã thay đổi (không khớp {BackupManifest.FileName}); không khôi phục gì."));
            }
        }

        var done = 0;
        long bytes = 0;
        foreach (var file in manifest.Files)
        {
            var target = file.Path == manifest.Database ? SqliteFilePath() : TargetOf(file.Path);
            var hash = await HashingCopy.CopyAsync(Path.Combine(source, file.Path), target, ct);
            if (hash != file.Sha256)
            {
                throw new IOException($"The copy of {file.Path} does not match the manifest (disk error?).");
            }

            bytes += file.Size;
            progress?.Report(new BackupProgress(++done, manifest.Files.Count, bytes));
        }

        logger.LogInformation("Backup {Source} of {CreatedAtUtc} restored into {DataDirectory}", source, manifest.CreatedAtUtc, paths.DataDirectory);
        return manifest;
    }

    private Result? RestoreTargetProblem(BackupManifest manifest)
    {
        if (Directory.Exists(paths.DataDirectory) && Directory.EnumerateFileSystemEntries(paths.DataDirectory).Any())
        {
            return Result.Conflict($"Thư mục dữ liệu {paths.DataDirectory} không trống; chỉ khôi phục vào một thư mục trống (DataDirectory).");
        }

        foreach (var folder in new[] { paths.UploadsDirectory, paths.DocumentsDirectory }.Where(d => Directory.Exists(d) && Directory.EnumerateFileSystemEntries(d).Any()))
        {
            return Result.Conflict($"Thư mục media {folder} không trống (Media:Directory); chỉ khôi phục vào thư mục trống.");
        }

        if (manifest.Database is null)
        {
            return null;
        }

        if (Database.Provider != DatabaseProvider.Sqlite)
        {
            return Result.Invalid($"Bản sao lưu chứa cơ sở dữ liệu SQLite nhưng Database:Provider đang là {Database.Provider}.");
        }

        return File.Exists(SqliteFilePath())
            ? Result.Conflict($"Tệp cơ sở dữ liệu {SqliteFilePath()} đã có; chỉ khôi phục khi chưa có cơ sở dữ liệu.")
            : null;
    }

    /// <summary>Folders shared by every node (never the search index, which is per node and rebuilt), each with the root
    /// its paths in the backup are relative to: <c>uploads/…</c> and <c>documents/…</c> from <c>Media:Directory</c> wherever
    /// it is (another disk, a network share), <c>keys/…</c> from the data directory.</summary>
    private IEnumerable<(string Folder, string Root)> Folders() =>
        new[] { (paths.UploadsDirectory, paths.MediaDirectory), (paths.DocumentsDirectory, paths.MediaDirectory), (Path.Combine(paths.DataDirectory, "keys"), paths.DataDirectory) }
            .Where(f => Directory.Exists(f.Item1));

    /// <summary>Media go back under this site's <c>Media:Directory</c>, the rest under its data directory.</summary>
    private string TargetOf(string relative) =>
        relative.StartsWith("uploads/", StringComparison.Ordinal) || relative.StartsWith("documents/", StringComparison.Ordinal)
            ? Path.Combine(paths.MediaDirectory, relative)
            : Path.Combine(paths.DataDirectory, relative);

    private string SqliteConnectionString() =>
        string.IsNullOrWhiteSpace(Database.ConnectionString) ? $"Data Source={paths.DefaultSqliteFile}" : Database.ConnectionString;

    private string SqliteFilePath() => Path.GetFullPath(new SqliteConnectionStringBuilder(SqliteConnectionString()).DataSource);

    /// <summary>Null for a manifest path that would lead out of the backup folder ("../../etc/passwd").</summary>
    private static string? InsideBackup(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
