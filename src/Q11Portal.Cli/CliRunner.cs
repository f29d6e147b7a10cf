using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Q11Portal.Cli;

/// <summary>Runs one verb in a fresh service scope, turning expected failures into a message and a non-zero exit code.</summary>
public static class CliRunner
{
    public const int BadInput = 2;
    public const int Failed = 1;

    public static async Task<int> RunAsync(CliHost host, Func<IServiceProvider, Task<int>> body,
        Action<IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration>? configure = null)
    {
        try
        {
            using var app = host.Build(configure);
            await using var scope = app.Services.CreateAsyncScope();
            return await body(scope.ServiceProvider);
        }
        catch (CliException ex)
        {
            await host.Error.WriteLineAsync($"error: {ex.Message}");
            return ex.ExitCode;
        }
        catch (OptionsValidationException ex)
        {
            await host.Error.WriteLineAsync($"error: invalid configuration: {ex.Message}");
            return BadInput;
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            var hint = ex.Message.Contains("'Database:Provider'", StringComparison.Ordinal) ? " Use Sqlite, SqlServer or PostgreSql." : string.Empty;
            await host.Error.WriteLineAsync($"error: invalid configuration: {ex.Message}{hint}");
            return BadInput;
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("ConnectionString", StringComparison.Ordinal))
        {
            await host.Error.WriteLineAsync($"error: {ex.Message}");
            return BadInput;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException ex)
        {
            await host.Error.WriteLineAsync($"error: database: {ex.InnerException?.Message ?? ex.Message}");
            return Failed;
        }
        catch (System.Data.Common.DbException ex)
        {
            await host.Error.WriteLineAsync($"error: database: {ex.Message}");
            return Failed;
        }
        catch (OperationCanceledException)
        {
            await host.Error.WriteLineAsync("cancelled.");
            return 130;
        }
    }
}

/// <summary>A failure the operator can act on; the message is printed without a stack trace.</summary>
public sealed class CliException(string message, int exitCode = CliRunner.BadInput) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
