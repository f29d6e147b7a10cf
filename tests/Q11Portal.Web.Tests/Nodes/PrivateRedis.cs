using System.Diagnostics;
using System.Net.Sockets;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Nodes;

/// <summary>A redis-server of the test's own on a free loopback port, which it may stop and start again (the shared
/// one in Q11_TEST_REDIS is never stopped). Nothing is persisted: a restart comes back empty, as after a crash.</summary>
internal sealed class PrivateRedis : IAsyncDisposable
{
    private Process? process;

    private PrivateRedis(int port)
    {
        Port = port;
    }

    public int Port { get; }

    /// <summary>For <c>Redis:Configuration</c>: short timeouts, so a node notices an outage within a second.</summary>
    public string Configuration => $"127.0.0.1:{Port},connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000";

    public static async Task<PrivateRedis> StartAsync(CancellationToken ct)
    {
        var redis = new PrivateRedis(NginxProxy.FreePort());
        await redis.RestartAsync(ct);
        return redis;
    }

    public async Task RestartAsync(CancellationToken ct)
    {
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(arg);
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port, ct);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100, ct);
            }
        }
    }

    /// <summary>Kills the server at once (SIGKILL), as a crash or a pulled cable would.</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
