using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Media;

/// <summary>A private clamd (Debian's clamav-daemon) on a free loopback port, with a signature database of one test
/// signature (an .hdb line: the MD5 and size of the given file), so no download from the virus database is needed.</summary>
internal sealed class ClamDaemon : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/clamd";
    public const string SignatureName = "Q11.Test.Signature";

    private readonly Process process;
    private readonly string directory;

    private ClamDaemon(Process process, string directory, int port)
    {
        this.process = process;
        this.directory = directory;
        Endpoint = $"127.0.0.1:{port}";
    }

    /// <summary><c>host:port</c>, for <c>Media:ClamAv:Endpoint</c>.</summary>
    public string Endpoint { get; }

    public static async Task<ClamDaemon> StartAsync(byte[] infected, CancellationToken ct)
    {
        if (!File.Exists(Executable))
        {
            TestEnvironment.SkipOrFail("clamd is not installed (apt-get install clamav-daemon).");
        }

        var directory = Directory.CreateTempSubdirectory("q11-clamd-").FullName;
        var database = Path.Combine(directory, "db");
        Directory.CreateDirectory(database);
        await File.WriteAllTextAsync(Path.Combine(database, "q11-test.hdb"),
            $"{Convert.ToHexStringLower(MD5.HashData(infected))}:{infected.Length}:{SignatureName}\n", ct);
        var port = NginxProxy.FreePort();
        var config = Path.Combine(directory, "clamd.conf");
        await File.WriteAllTextAsync(config, new StringBuilder()
            .AppendLine("Foreground yes")
            .AppendLine($"DatabaseDirectory {database}")
            .AppendLine($"TCPSocket {port}")
            .AppendLine("TCPAddr 127.0.0.1")
            .AppendLine($"LogFile {Path.Combine(directory, "clamd.log")}")
            .ToString(), ct);
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(config);
        var daemon = new ClamDaemon(Process.Start(start)!, directory, port);
        daemon.process.OutputDataReceived += (_, _) => { };
        daemon.process.ErrorDataReceived += (_, _) => { };
        daemon.process.BeginOutputReadLine();
        daemon.process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port, ct);
                return daemon;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !daemon.process.HasExited)
            {
                await Task.Delay(200, ct);
            }
            catch
            {
                await daemon.DisposeAsync();
                throw;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
