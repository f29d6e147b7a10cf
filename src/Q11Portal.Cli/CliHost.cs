using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Q11Portal.Core.Data;
using Q11Portal.Demo;
using Serilog;
using Serilog.Events;

namespace Q11Portal.Cli;

/// <summary>The CLI's service container: the same configuration keys and Core services as the web host.</summary>
public sealed class CliHost(string[] configurationArgs, TextWriter? output = null, TextWriter? error = null, TextReader? input = null)
{
    /// <summary>Where verbs read secrets such as passwords (standard input unless a test passes its own reader).</summary>
    public TextReader In { get; } = input ?? Console.In;

    /// <summary>True when <see cref="In"/> is an interactive terminal, so a password can be typed hidden.</summary>
    public bool InputIsTerminal { get; } = input is null && !Console.IsInputRedirected;

    /// <summary>Where verbs write their results (standard output unless a test passes its own writer).</summary>
    public TextWriter Out { get; } = output ?? Console.Out;

    /// <summary>Where error messages go (standard error unless a test passes its own writer).</summary>
    public TextWriter Error { get; } = error ?? Console.Error;

    /// <summary>Configuration overrides look like <c>--Database:Provider=PostgreSql</c> or <c>--DataDirectory=/srv/q11</c>.</summary>
    public static bool IsConfigurationArgument(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=') && (arg.Contains(':') || arg.StartsWith("--DataDirectory=", StringComparison.OrdinalIgnoreCase));

    /// <summary>In a source checkout the CLI shares the web project's content root, so that both default to the
    /// same <c>App_Data</c> (database, uploads, index). Elsewhere it is the current directory.</summary>
    public static string ContentRoot()
    {
        var current = Directory.GetCurrentDirectory();
        foreach (var candidate in new[] { Path.Combine(current, "..", "Q11Portal.Web"), Path.Combine(current, "src", "Q11Portal.Web") })
        {
            if (File.Exists(Path.Combine(candidate, "Q11Portal.Web.csproj")))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return current;
    }

    public IHost Build(Action<IServiceCollection, IConfiguration>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configurationArgs,
            ContentRootPath = ContentRoot(),
            ApplicationName = "Q11Portal.Cli",
        });

        // The operator reads the command's own output; the log only speaks up for problems.
        builder.Services.AddSerilog(lc => lc
            .MinimumLevel.Warning()
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Error)
            .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose));
        builder.Services.AddPortalCore(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddPortalDemo();
        configure?.Invoke(builder.Services, builder.Configuration);
        return builder.Build();
    }
}
