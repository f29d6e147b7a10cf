using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Q11Portal.Testing;

namespace Q11Portal.Web.Tests.Infrastructure;

/// <summary>The built web host run as a separate process, configured only the ways an operator would: its
/// <c>appsettings.json</c>, environment variables and command-line arguments. Listens on a free loopback port.</summary>
public sealed partial class PortalProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<string> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PortalProcess(Process process)
    {
        this.process = process;
    }

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string> environment, IEnumerable<string> args, CancellationToken ct)
    {
        var root = TestEnvironment.FindRepositoryRoot() ?? throw new InvalidOperationException("Repository root not found.");
        var contentRoot = Path.Combine(root, "src", "Q11Portal.Web");
        var dll = Path.Combine(AppContext.BaseDirectory, "Q11Portal.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        start.ArgumentList.Add("--contentRoot=" + contentRoot);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A clean slate: nothing from the test runner's own environment decides the provider.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Database__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        // Production refuses to start without its public address (ProductionSettingsCheck); tests that are not about
        // that setting get one.
        start.Environment["PublicSite__BaseUrl"] = "http://quan11.example.gov.vn";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var portal = new PortalProcess(Process.Start(start)!);
        portal.process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        portal.process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        portal.process.BeginOutputReadLine();
        portal.process.BeginErrorReadLine();
        portal.process.EnableRaisingEvents = true;
        // Exited can be raised before the last lines are read: wait for the end of both streams before quoting them.
        portal.process.Exited += (_, _) => Task.Run(() =>
        {
            try
            {
                portal.process.WaitForExit();
            }
            catch (InvalidOperationException)
            {
                // Disposed by the test meanwhile: nothing is waiting for the message any more.
            }

            portal.listening.TrySetException(new InvalidOperationException("The portal exited before listening:\n" + portal.Output));
        });

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(240));
        try
        {
            portal.BaseUrl = await portal.listening.Task.WaitAsync(timeout.Token);
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }

        return portal;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        if (Listening().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(match.Groups[1].Value);
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
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
