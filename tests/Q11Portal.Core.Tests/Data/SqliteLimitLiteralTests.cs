using Microsoft.Data.Sqlite;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Tests.Data;

/// <summary>A kept statement with its LIMIT bound as a parameter is compiled again by SQLite on every run; with the count
/// written into the text it is compiled once.</summary>
public sealed class SqliteLimitLiteralTests
{
    [Fact]
    public void Inline_WritesTheLimitCount_AndLeavesOffsetAndOtherParametersBound()
    {
        using var command = new SqliteCommand();
        command.Parameters.AddWithValue("@p", 5);
        command.Parameters.AddWithValue("@p0", 40);
        command.Parameters.AddWithValue("@categoryId", 3);

        var sql = SqliteLimitLiteral.Inline("SELECT \"a\".\"Id\" FROM \"Articles\" AS \"a\" WHERE \"a\".\"CategoryId\" = @categoryId ORDER BY \"a\".\"Id\" LIMIT @p OFFSET @p0", command.Parameters);

        Assert.Equal("SELECT \"a\".\"Id\" FROM \"Articles\" AS \"a\" WHERE \"a\".\"CategoryId\" = @categoryId ORDER BY \"a\".\"Id\" LIMIT 5 OFFSET @p0", sql);
    }

    [Fact]
    public void Inline_KeepsAParameterThatIsAlsoUsedElsewhere_AndLeavesWhatIsNotACount()
    {
        using var command = new SqliteCommand();
        command.Parameters.AddWithValue("@count", 6L);
        command.Parameters.AddWithValue("@unknown", DBNull.Value);
        command.Parameters.AddWithValue("@negative", -1);

        Assert.Equal("SELECT @count AS x LIMIT 6", SqliteLimitLiteral.Inline("SELECT @count AS x LIMIT @count", command.Parameters));
        Assert.Equal("SELECT 1 LIMIT @unknown", SqliteLimitLiteral.Inline("SELECT 1 LIMIT @unknown", command.Parameters));
        Assert.Equal("SELECT 1 LIMIT @negative", SqliteLimitLiteral.Inline("SELECT 1 LIMIT @negative", command.Parameters));
        Assert.Equal("SELECT 1 LIMIT @missing", SqliteLimitLiteral.Inline("SELECT 1 LIMIT @missing", command.Parameters));
        Assert.Equal("SELECT 1", SqliteLimitLiteral.Inline("SELECT 1", command.Parameters));
    }

    [Fact]
    public void KeptStatement_WithTheLimitAsParameter_IsRecompiledOnEveryRun_AndWithTheCountInTheText_Never()
    {
        using var connection = new KeptOpenSqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER); INSERT INTO t (v) VALUES (1), (2), (3), (4);";
            create.ExecuteNonQuery();
        }

        const string sql = "SELECT id FROM t WHERE v > @min ORDER BY id LIMIT @p";
        RunFourTimes(connection, sql, inline: false);
        Assert.Equal(4, connection.Recompilations);

        using var fresh = new KeptOpenSqliteConnection("Data Source=:memory:");
        fresh.Open();
        using (var create = fresh.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER); INSERT INTO t (v) VALUES (1), (2), (3), (4);";
            create.ExecuteNonQuery();
        }

        RunFourTimes(fresh, sql, inline: true);
        Assert.Equal(0, fresh.Recompilations);
    }

    /// <summary>Runs <paramref name="sql"/> four times through the connection's kept statement, as the interceptor does,
    /// with a different lower bound each time, and checks what each run read.</summary>
    private static void RunFourTimes(KeptOpenSqliteConnection connection, string sql, bool inline)
    {
        for (var min = 0; min < 4; min++)
        {
            using var command = connection.CreateCommand();
            command.Parameters.AddWithValue("@min", min);
            command.Parameters.AddWithValue("@p", 2);
            var text = inline ? SqliteLimitLiteral.Inline(sql, command.Parameters) : sql;
            var statement = connection.StatementFor(text)!;
            using var reader = statement.ExecuteWith(command.Parameters);
            Assert.True(reader.Read());
            Assert.Equal(min + 1, reader.GetInt32(0));
        }
    }
}
