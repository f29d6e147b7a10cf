using Xunit;

namespace Q11Portal.Testing;

/// <summary>What the machine offers the tests, read from the environment that <c>.ci/run</c> sets.</summary>
public static class TestEnvironment
{
    /// <summary>An admin connection string to a PostgreSQL server; each test creates and drops its own database.</summary>
    public static string? PostgresConnection => Environment.GetEnvironmentVariable("Q11_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    /// <summary>A Redis endpoint ("127.0.0.1:6379") for the multi-node tests.</summary>
    public static string? RedisConnection => Environment.GetEnvironmentVariable("Q11_TEST_REDIS") is { Length: > 0 } s ? s : null;

    /// <summary>The Chromium binary for browser tests.</summary>
    public static string? ChromiumPath =>
        Environment.GetEnvironmentVariable("Q11_CHROMIUM") is { Length: > 0 } s ? s
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
        : null;

    /// <summary>In CI every optional dependency is mandatory: a missing one fails instead of skipping.</summary>
    public static bool RequireAll => Environment.GetEnvironmentVariable("Q11_REQUIRE_ALL") == "1";

    /// <summary>Skips the running test with the reason, or fails it when CI requires everything.</summary>
    public static void SkipOrFail(string reason)
    {
        if (RequireAll)
        {
            Assert.Fail($"Required by Q11_REQUIRE_ALL=1 but unavailable: {reason}");
        }

        Assert.Skip(reason);
    }

    /// <summary>Where tests save screenshots and reports: TestResults/artifacts under the repository, or the temp dir.</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("Q11_TEST_ARTIFACTS");
            var directory = configured is { Length: > 0 } ? configured : Path.Combine(FindRepositoryRoot() ?? Path.GetTempPath(), "TestResults", "artifacts");
            Directory.CreateDirectory(directory);
            return directory;
        }
    }

    public static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Q11Portal.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The shared/ folder beside the checkout (development corpus), when present; <c>Q11_SHARED_DIR</c> points
    /// a worktree that does not sit beside it there.</summary>
    public static string? SharedDirectory =>
        Environment.GetEnvironmentVariable("Q11_SHARED_DIR") is { Length: > 0 } configured && Directory.Exists(configured) ? Path.GetFullPath(configured)
        : FindRepositoryRoot() is { } root && Directory.Exists(Path.Combine(root, "..", "shared")) ? Path.GetFullPath(Path.Combine(root, "..", "shared")) : null;
}
