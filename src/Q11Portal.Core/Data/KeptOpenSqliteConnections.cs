using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Q11Portal.Core.Data;

/// <summary>The open SQLite connections that public page renders borrow (<see cref="KeptOpenSqliteConnection"/>): one
/// per render at a time, returned when the request ends, at most <see cref="MaxIdle"/> kept. Not used on other providers
/// or with <c>Database:KeepSqliteStatements=false</c> (<see cref="IsEnabled"/>).</summary>
public sealed class KeptOpenSqliteConnections : IDisposable
{
    private readonly ConcurrentBag<KeptOpenSqliteConnection> idle = [];
    private readonly DatabaseOptions database;
    private readonly PortalPaths paths;
    private int idleCount;
    private bool disposed;

    public KeptOpenSqliteConnections(IOptions<DatabaseOptions> options, PortalPaths paths)
    {
        database = options.Value;
        this.paths = paths;
        IsEnabled = database.Provider == DatabaseProvider.Sqlite && database.KeepSqliteStatements;
    }

    public bool IsEnabled { get; }

    /// <summary>As many as pages rendered at once by default (<c>PublicPages:RenderConcurrency</c> is four per core).</summary>
    public int MaxIdle { get; init; } = Environment.ProcessorCount * 4;

    /// <summary>An open connection, with EF Core's SQL functions registered; the caller gives it back with
    /// <see cref="Return"/>.</summary>
    public KeptOpenSqliteConnection Lease()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (idle.TryTake(out var connection))
        {
            Interlocked.Decrement(ref idleCount);
            return connection;
        }

        connection = new KeptOpenSqliteConnection(DataServiceCollectionExtensions.SqliteConnectionString(database, paths));
        // EF Core registers its functions (regexp, decimal arithmetic) and the command timeout on a connection it is
        // given, as it does on those it creates; a context made for that and dropped leaves them on the connection.
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DataServiceCollectionExtensions.Configure(options, database, paths, connection);
        using (var context = new PortalDbContext(options.Options))
        {
            context.Database.GetDbConnection();
        }

        connection.Open();
        return connection;
    }

    /// <summary>Takes a connection back. One that may be in the middle of something (a transaction left open, a
    /// failure) is closed instead of kept.</summary>
    public void Return(KeptOpenSqliteConnection connection, bool reusable)
    {
        if (!disposed && reusable && connection.State == System.Data.ConnectionState.Open)
        {
            if (Interlocked.Increment(ref idleCount) <= MaxIdle)
            {
                idle.Add(connection);
                return;
            }

            Interlocked.Decrement(ref idleCount);
        }

        connection.Dispose();
    }

    public void Dispose()
    {
        disposed = true;
        while (idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }
}
