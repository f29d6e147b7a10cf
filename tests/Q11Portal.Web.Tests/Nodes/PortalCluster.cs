using System.Net;
using System.Net.Sockets;
using Q11Portal.Core.Data;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Nodes;

/// <summary>One cluster shared by the tests of a class (starting two processes and nginx takes a while).</summary>
public sealed class PortalClusterFixture : IAsyncLifetime
{
    public PortalCluster Cluster { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Cluster = await PortalCluster.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}

/// <summary>Two portal processes in Production on one PostgreSQL database and one Redis, sharing the media folder
/// and each with its own data directory (search index), behind nginx with TLS: the deployment guide's two-node set-up.</summary>
public sealed class PortalCluster : IAsyncDisposable
{
    public const string AdminEmail = "quantri@q11.test";
    public const string AdminPassword = "Mat-khau-cum-may-chu-2026";

    /// <summary>The address the test's reader connects from: another loopback address than nginx's own, so the
    /// portal seeing it proves it read X-Forwarded-For (and did not take nginx's 127.0.0.1).</summary>
    public static readonly IPAddress ReaderAddress = IPAddress.Parse("127.0.0.2");

    private readonly PortalProcess?[] nodes = new PortalProcess?[2];
    private readonly int[] ports;
    private readonly string redisPrefix = $"q11cluster:{Guid.NewGuid():N}:";
    private readonly string redis;
    private readonly IReadOnlyDictionary<string, string> settings;

    private PortalCluster(TestDatabase database, string mediaDirectory, string[] nodeDirectories, int[] ports, NginxProxy proxy,
        string redis, IReadOnlyDictionary<string, string>? settings)
    {
        this.ports = ports;
        this.redis = redis;
        this.settings = settings ?? new Dictionary<string, string>();
        Database = database;
        MediaDirectory = mediaDirectory;
        NodeDirectories = nodeDirectories;
        Proxy = proxy;
    }

    public TestDatabase Database { get; }
    public string MediaDirectory { get; }
    public IReadOnlyList<string> NodeDirectories { get; }
    public NginxProxy Proxy { get; }

    /// <summary>The nodes' own addresses, for reading from one node without the proxy.</summary>
    public IReadOnlyList<string> NodeUrls => ports.Select(p => $"http://127.0.0.1:{p}").ToList();

    /// <summary>The Redis in <c>Q11_TEST_REDIS</c>, unless <paramref name="redis"/> names another (a test's private one
    /// that it may stop); <paramref name="settings"/> are extra environment variables of both nodes.</summary>
    public static async Task<PortalCluster> StartAsync(CancellationToken ct, string? redis = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        if (redis is null && TestEnvironment.RedisConnection is null)
        {
            TestEnvironment.SkipOrFail("Redis is not configured (set Q11_TEST_REDIS to host:port).");
        }

        // Migrated once by the test (the deployment guide migrates from the CLI; web nodes run with Migrate=false).
        var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql, migrate: true);
        var media = Path.Combine(database.DataDirectory, "shared-media");
        string[] nodeDirectories = [Path.Combine(database.DataDirectory, "node-a"), Path.Combine(database.DataDirectory, "node-b")];
        Directory.CreateDirectory(media);
        foreach (var directory in nodeDirectories)
        {
            Directory.CreateDirectory(directory);
        }

        PortalCluster? cluster = null;
        try
        {
            int[] ports = [NginxProxy.FreePort(), NginxProxy.FreePort()];
            cluster = new PortalCluster(database, media, nodeDirectories, ports, await NginxProxy.StartAsync(ports, ct),
                redis ?? TestEnvironment.RedisConnection!, settings);
            await cluster.StartNodesAsync(ct);
            return cluster;
        }
        catch
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }
            else
            {
                await database.DisposeAsync();
            }

            throw;
        }
    }

    public async Task StartNodesAsync(CancellationToken ct)
    {
        var starting = Enumerable.Range(0, 2).Select(i => StartNodeAsync(i, ct)).ToArray();
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            // A node that started while the other failed is kept too, so the cluster's disposal stops it (it was left
            // running, its port taken, when one node could not bind).
            for (var i = 0; i < starting.Length; i++)
            {
                if (starting[i].IsCompletedSuccessfully)
                {
                    nodes[i] = starting[i].Result;
                }
            }
        }
    }

    public async Task StopNodesAsync()
    {
        for (var i = 0; i < nodes.Length; i++)
        {
            if (nodes[i] is { } node)
            {
                await node.DisposeAsync();
                nodes[i] = null;
            }
        }
    }

    /// <summary>Kills one node at once (SIGKILL): no graceful shutdown, no last flush, as in a crash.</summary>
    public async Task KillNodeAsync(int index)
    {
        if (nodes[index] is { } node)
        {
            nodes[index] = null;
            await node.DisposeAsync();
        }
    }

    private Task<PortalProcess> StartNodeAsync(int index, CancellationToken ct)
    {
        var directory = NodeDirectories[index];
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["Database__ConnectionString"] = Database.ConnectionString,
            ["Database__Migrate"] = "false",
            ["Database__SeedDemo"] = "false",
            ["Redis__Configuration"] = redis,
            ["Counters__RedisKeyPrefix"] = redisPrefix,
            ["Counters__FlushInterval"] = "00:00:02",
            ["DataDirectory"] = directory,
            ["Media__Directory"] = MediaDirectory,
            ["PublicSite__BaseUrl"] = Proxy.BaseUrl,
            ["ReverseProxy__KnownProxies__0"] = "127.0.0.1",
            ["AllowedHosts"] = NginxProxy.HostName + ";127.0.0.1",
            ["Admin__Email"] = AdminEmail,
            ["Admin__Password"] = AdminPassword,
            ["Comments__AltchaMaxNumber"] = "2000",
            ["Comments__MinFormAgeSeconds"] = "1",
            ["Serilog__WriteTo__1__Args__path"] = Path.Combine(directory, "logs", "q11portal-.log"),
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return PortalProcess.StartAsync(environment, ["--urls=http://127.0.0.1:" + ports[index]], ct);
    }

    /// <summary>What the nodes wrote to their consoles, for a failing assertion's message.</summary>
    public string Output => string.Join("\n--- node ---\n", nodes.Select(n => n?.Output ?? "(stopped)"));

    /// <summary>A reader's browser: cookies kept, redirects not followed, the proxy's self-signed certificate accepted,
    /// connecting from <see cref="ReaderAddress"/>.</summary>
    public HttpClient Client(CookieContainer? cookies = null) => Client(useCookies: true, cookies);

    /// <summary>Like <see cref="Client(CookieContainer?)"/> but sends only the cookies a request carries itself (one
    /// visitor per request, for counting).</summary>
    public HttpClient RawClient() => Client(useCookies: false, null);

    private HttpClient Client(bool useCookies, CookieContainer? cookies)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = useCookies,
            CookieContainer = cookies ?? new CookieContainer(),
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(ReaderAddress, 0));
                    await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, token);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri(Proxy.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Which node served an answer (its upstream port), as nginx reports it.</summary>
    public int NodeOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Upstream", out var values) && values.First().Split(':').Last() is { } port
            ? Array.IndexOf(ports, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture))
            : -1;

    public async ValueTask DisposeAsync()
    {
        await StopNodesAsync();
        await Proxy.DisposeAsync();
        await Database.DisposeAsync();
    }
}
