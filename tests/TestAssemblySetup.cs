using System.Runtime.CompilerServices;

namespace Q11Portal.Tests;

internal static class TestAssemblySetup
{
    /// <summary>Every test host watches its settings files and content root; with dozens of hosts at once the
    /// per-user inotify limit (128 on Debian) runs out. Polling watchers take no inotify instance.</summary>
#pragma warning disable CA2255 // A test assembly is the one place this process-wide setting belongs.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void UsePollingFileWatchers() =>
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
