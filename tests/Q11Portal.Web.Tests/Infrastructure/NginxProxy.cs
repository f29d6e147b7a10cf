using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Q11Portal.Testing;

namespace Q11Portal.Web.Tests.Infrastructure;

/// <summary>Debian's nginx in front of portal nodes as an operator sets it up: round-robin without sticky sessions,
/// TLS ended at the proxy with a self-signed certificate, <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> passed on.
/// Each answer carries <c>X-Upstream</c> (the node's address) so tests can see which node served it.</summary>
public sealed class NginxProxy : IAsyncDisposable
{
    private readonly Process process;
    private readonly string prefix;

    private NginxProxy(Process process, string prefix, int port)
    {
        this.process = process;
        this.prefix = prefix;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The public name readers use: not "localhost", which ASP.NET Core leaves out of HSTS. Clients connect to
    /// 127.0.0.1 whatever the name (see PortalCluster.Client).</summary>
    public const string HostName = "portal.q11.test";

    /// <summary>The public address readers use (the name the certificate is made for).</summary>
    public string BaseUrl => $"https://{HostName}:{Port}";

    public static string? Executable =>
        new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);

    /// <summary>A loopback port free now, below the kernel's range for outgoing connections' local ports: a port from
    /// that range (what port 0 gives) can be taken by any outgoing connection, of this or another process, before the
    /// server told to use it binds it (CI saw "address already in use" for both nodes of a cluster).</summary>
    public static int FreePort()
    {
        var outgoingFrom = OutgoingPortsFrom();
        for (var attempt = 0; outgoingFrom > 12000 && attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(10000, outgoingFrom);
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int OutgoingPortsFrom()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split(new[] { '\t', ' ' }, StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    public static async Task<NginxProxy> StartAsync(IReadOnlyList<int> upstreamPorts, CancellationToken ct)
    {
        var nginx = Executable;
        if (nginx is null)
        {
            TestEnvironment.SkipOrFail("nginx is not installed (apt-get install nginx).");
        }

        var prefix = Directory.CreateTempSubdirectory("q11-nginx-").FullName;
        Directory.CreateDirectory(Path.Combine(prefix, "tmp"));
        WriteCertificate(prefix);
        var port = FreePort();
        await File.WriteAllTextAsync(Path.Combine(prefix, "nginx.conf"), Config(prefix, port, upstreamPorts), ct);

        var start = new ProcessStartInfo(nginx!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Path.Combine(prefix, "nginx.conf"));
        start.ArgumentList.Add("-p");
        start.ArgumentList.Add(prefix);
        var proxy = new NginxProxy(Process.Start(start)!, prefix, port);

        // Listening once a TCP connection is accepted; nginx exits at once on a bad configuration.
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (proxy.process.HasExited)
            {
                var log = File.Exists(Path.Combine(prefix, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(prefix, "error.log"), ct) : string.Empty;
                throw new InvalidOperationException($"nginx exited with {proxy.process.ExitCode}: {await proxy.process.StandardError.ReadToEndAsync(ct)} {log}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, ct);
                return proxy;
            }
            catch (SocketException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(50, ct);
            }
        }
    }

    private static void WriteCertificate(string prefix)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + HostName, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(HostName);
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllText(Path.Combine(prefix, "portal.crt"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(prefix, "portal.key"), key.ExportPkcs8PrivateKeyPem());
    }

    private static string Config(string prefix, int port, IReadOnlyList<int> upstreamPorts)
    {
        var servers = string.Concat(upstreamPorts.Select(p => $"    server 127.0.0.1:{p};\n"));
        var temp = Path.Combine(prefix, "tmp");
        // As root the workers would otherwise run as "nobody" and could not use the temp folders made here.
        var user = Environment.UserName == "root" ? "user root;\n" : string.Empty;
        return $$"""
            {{user}}worker_processes 1;
            daemon off;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;
            events { worker_connections 512; }
            http {
              access_log off;
              client_body_temp_path {{temp}}/body;
              proxy_temp_path {{temp}}/proxy;
              fastcgi_temp_path {{temp}}/fastcgi;
              uwsgi_temp_path {{temp}}/uwsgi;
              scgi_temp_path {{temp}}/scgi;
              client_max_body_size 64m;
              upstream portal {
            {{servers}}  }
              server {
                listen 127.0.0.1:{{port}} ssl;
                server_name {{HostName}};
                ssl_certificate {{prefix}}/portal.crt;
                ssl_certificate_key {{prefix}}/portal.key;
                location / {
                  proxy_pass http://portal;
                  proxy_set_header Host $http_host;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  proxy_set_header X-Forwarded-Proto $scheme;
                  add_header X-Upstream $upstream_addr always;
                }
              }
            }
            """;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(prefix, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
