using System.Security.Cryptography;
using System.Text.Json;

namespace Q11Portal.Core.Backups;

/// <summary><c>manifest.json</c> of a backup folder: what was copied, from which provider, and each file's size and
/// SHA-256, so a restore can prove the copy is whole before it writes anything.</summary>
/// <param name="Database">The SQLite file's path in the backup, or null when the database is a server's (PostgreSQL, SQL
/// Server), which its own tools back up.</param>
public sealed record BackupManifest(int Version, DateTime CreatedAtUtc, string Provider, string? Database, IReadOnlyList<BackupFile> Files)
{
    public const int CurrentVersion = 1;
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public long TotalBytes => Files.Sum(f => f.Size);

    public async Task WriteAsync(string directory, CancellationToken ct)
    {
        await using var stream = File.Create(Path.Combine(directory, FileName));
        await JsonSerializer.SerializeAsync(stream, this, Json, ct);
    }

    /// <summary>Null when the folder has no readable manifest of a version this build understands.</summary>
    public static async Task<BackupManifest?> ReadAsync(string directory, CancellationToken ct)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, ct);
            return manifest is { Version: CurrentVersion, Files: not null } ? manifest : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <param name="Path">Relative to the backup folder, with '/' separators on every system.</param>
public sealed record BackupFile(string Path, long Size, string Sha256);

/// <summary>Files done of the total, for a progress line on long runs.</summary>
public sealed record BackupProgress(int Done, int Total, long Bytes);

internal static class HashingCopy
{
    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/> and returns the SHA-256 (lower-case hex)
    /// of what was read, so one pass both copies and hashes.</summary>
    public static async Task<string> CopyAsync(string source, string target, CancellationToken ct)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, useAsync: true);
        await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        var buffer = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var input = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(input, ct));
    }
}
