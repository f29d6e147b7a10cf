using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Tests.Data;

public sealed class MigrationParityTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void Model_ForEveryProvider_HasNoPendingChanges(DatabaseProvider provider)
    {
        using var db = DesignTimeContext(provider);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations are behind the model: run .ci/regen-migrations.");
    }

    [Fact]
    public void Migrations_HaveTheSameNamesForEveryProvider()
    {
        static IEnumerable<string> Names(DatabaseProvider p)
        {
            using var db = DesignTimeContext(p);
            return db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]).ToList();
        }

        var sqlite = Names(DatabaseProvider.Sqlite);
        Assert.Equal(sqlite, Names(DatabaseProvider.SqlServer));
        Assert.Equal(sqlite, Names(DatabaseProvider.PostgreSql));
    }

    [Fact]
    public void SqlServerIdempotentScript_ParsesAsTSqlWithoutErrors()
    {
        using var db = DesignTimeContext(DatabaseProvider.SqlServer);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = (TSqlScript)parser.Parse(reader, out var errors);

        Assert.Empty(errors.Select(e => $"line {e.Line}, col {e.Column}: {e.Message}"));
        Assert.Contains("CREATE TABLE [Articles]", script);
        Assert.True(fragment.Batches.Count > 1);
    }

    [Fact]
    public void TSqlParser_RejectsABrokenScript()
    {
        // Proves the parse test above can fail: the same parser on a damaged statement reports an error.
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader("CREAT TABLE [X] ([Id] int);");
        parser.Parse(reader, out var errors);
        Assert.NotEmpty(errors);
    }

    private static PortalDbContext DesignTimeContext(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]),
        DatabaseProvider.SqlServer => new Migrations.SqlServer.DesignTimeFactory().CreateDbContext([]),
        DatabaseProvider.PostgreSql => new Migrations.PostgreSql.DesignTimeFactory().CreateDbContext([]),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}
