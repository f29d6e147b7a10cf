using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Q11Portal.Core.Data;

/// <summary>Runs EF Core's read queries on a <see cref="KeptOpenSqliteConnection"/> through that connection's kept,
/// prepared statement for the same SQL; on any other connection, in a transaction, or for a text of several statements
/// it leaves the command to EF Core. EF Core still builds the SQL and its parameters, logs, and reads the results. A
/// <c>LIMIT</c> parameter is written into the kept text (<see cref="SqliteLimitLiteral"/>), or SQLite would compile the
/// statement again on every run; a parameter the kept text no longer names is left unbound.</summary>
public sealed class KeptStatementInterceptor : DbCommandInterceptor
{
    public static KeptStatementInterceptor Instance { get; } = new();

    private KeptStatementInterceptor()
    {
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        result.HasResult ? result : Run(command) is { } reader ? InterceptionResult<DbDataReader>.SuppressWithResult(reader) : result;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        // The provider runs SQLite synchronously in its async methods too; so does this.
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ReaderExecuting(command, eventData, result));
    }

    private static SqliteDataReader? Run(DbCommand command)
    {
        if (command.Connection is not KeptOpenSqliteConnection connection
            || command.Transaction is not null
            || command.CommandText.Contains(';', StringComparison.Ordinal)
            || !command.CommandText.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            || connection.StatementFor(SqliteLimitLiteral.Inline(command.CommandText, command.Parameters)) is not { } statement)
        {
            return null;
        }

        try
        {
            return statement.ExecuteWith(command.Parameters);
        }
        catch
        {
            connection.Forget(statement);
            throw;
        }
    }
}
