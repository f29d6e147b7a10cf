using System.Net;
using System.Net.Sockets;

namespace Q11Portal.Web.Tests.Caching;

/// <summary>A loopback TCP forwarder between the portal and the shared PostgreSQL, so a test can cut the database off
/// (new connections refused, open ones reset) and restore it, without stopping a server other tests use.</summary>
internal sealed class TcpForwarder : IAsyncDisposable
{
    private readonly IPEndPoint target;
    private readonly List<TcpClient> open = [];
    private readonly CancellationTokenSource stopping = new();
    private TcpListener? listener;

    private TcpForwarder(IPEndPoint target, int port)
    {
        this.target = target;
        Port = port;
    }

    public int Port { get; }

    public static TcpForwarder Start(string host, int port)
    {
        var address = Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var local = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var forwarder = new TcpForwarder(new IPEndPoint(address, port), local);
        forwarder.Restore();
        return forwarder;
    }

    /// <summary>Refuses new connections and resets the open ones, as a database that went away.</summary>
    public void Cut()
    {
        lock (open)
        {
            listener?.Stop();
            listener = null;
            foreach (var client in open)
            {
                try
                {
                    // Reset rather than close, as a server that went away.
                    client.Client?.LingerState = new LingerOption(true, 0);
                }
                catch (ObjectDisposedException)
                {
                    // Already closed by its pump.
                }

                client.Dispose();
            }

            open.Clear();
        }
    }

    public void Restore()
    {
        lock (open)
        {
            var started = new TcpListener(IPAddress.Loopback, Port);
            started.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            started.Start();
            listener = started;
            _ = AcceptAsync(started);
        }
    }

    private async Task AcceptAsync(TcpListener from)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await from.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(target, stopping.Token);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            lock (open)
            {
                open.Add(inbound);
                open.Add(outbound);
            }

            _ = PumpAsync(inbound, outbound);
            _ = PumpAsync(outbound, inbound);
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), stopping.Token);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The other side went away, or the test cut the line.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        Cut();
        stopping.Dispose();
    }
}
