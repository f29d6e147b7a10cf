using System.Data;
using Microsoft.Data.Sqlite;

namespace Q11Portal.Core.Data;

/// <summary>A SQLite connection that stays open between requests and keeps each query it ran prepared, so the next run
/// of the same SQL binds new values instead of compiling the text again. Microsoft.Data.Sqlite keeps prepared
/// statements only as long as the command object lives and finalizes them when its connection closes
/// (dotnet/efcore#14044), so a connection that EF Core opens and closes per request compiles every query every time:
/// for an uncached article page that was about a third of the server's time. Used only for public page renders, through
/// <see cref="KeptOpenSqliteConnections"/>; statements are kept for read queries run outside transactions.</summary>
public sealed class KeptOpenSqliteConnection(string connectionString) : SqliteConnection(connectionString)
{
    /// <summary>Distinct queries kept per connection. A public page runs a handful; texts that vary with a list's
    /// length are many, and once the set is full a new text runs as before (prepared, run and finalized).</summary>
    public const int MaxStatements = 64;

    private readonly Dictionary<string, KeptStatement> statements = new(StringComparer.Ordinal);

    /// <summary>Runs of a kept statement after its first, for tests and the benchmark's explanation.</summary>
    public long Reuses { get; private set; }

    /// <summary>How many times SQLite compiled the statements this connection keeps again after their first compile
    /// (a schema change, or a bound value the plan depends on): a kept statement is only worth keeping while this stays
    /// still.</summary>
    public long Recompilations
    {
        get
        {
            const int reprepareCounter = 5; // SQLITE_STMTSTATUS_REPREPARE
            long total = 0;
            for (var statement = SQLitePCL.raw.sqlite3_next_stmt(Handle, null); statement is not null && !statement.IsInvalid;
                 statement = SQLitePCL.raw.sqlite3_next_stmt(Handle, statement))
            {
                total += SQLitePCL.raw.sqlite3_stmt_status(statement, reprepareCounter, 0);
            }

            return total;
        }
    }

    /// <summary>The kept command for <paramref name="sql"/>, created on its first run; null when the set is full or the
    /// command is still reading (the same query nested in its own results).</summary>
    internal KeptStatement? StatementFor(string sql)
    {
        if (statements.TryGetValue(sql, out var kept))
        {
            if (kept.IsReading)
            {
                return null;
            }

            Reuses++;
            return kept;
        }

        if (statements.Count >= MaxStatements)
        {
            return null;
        }

        kept = new KeptStatement { Connection = this, CommandText = sql, CommandTimeout = DefaultTimeout };
        // Prepared now, explicitly: from here on every run binds and steps the same compiled statement.
        try
        {
            kept.Prepare();
        }
        catch
        {
            kept.Dispose();
            throw;
        }

        statements.Add(sql, kept);
        return kept;
    }

    /// <summary>Drops a statement whose run failed, so the next run prepares it afresh.</summary>
    internal void Forget(KeptStatement statement)
    {
        statements.Remove(statement.CommandText);
        statement.Dispose();
    }

    public override void Open()
    {
        base.Open();
        // Lets Recompilations walk the connection's statements (SQLitePCLRaw tracks them only when asked).
        Handle!.enable_sqlite3_next_stmt(true);
    }

    public override void Close()
    {
        // Closing finalizes every command's statements (the provider does it); forget them with it.
        statements.Clear();
        base.Close();
    }

    /// <summary>A command that says whether a reader of its results is still open (the provider refuses a second).</summary>
    internal sealed class KeptStatement : SqliteCommand
    {
        public bool IsReading => DataReader is not null;

        /// <summary>Binds the values of <paramref name="source"/>'s parameters (EF Core's, with their types) and runs
        /// the prepared statement.</summary>
        public SqliteDataReader ExecuteWith(System.Data.Common.DbParameterCollection source)
        {
            Parameters.Clear();
            foreach (SqliteParameter parameter in source)
            {
                Parameters.Add(parameter);
            }

            try
            {
                // A single statement is bound when the reader starts: the values need not stay referenced after.
                return ExecuteReader(CommandBehavior.Default);
            }
            finally
            {
                Parameters.Clear();
            }
        }
    }
}
