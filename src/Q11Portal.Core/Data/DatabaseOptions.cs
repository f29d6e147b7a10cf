using System.ComponentModel.DataAnnotations;

namespace Q11Portal.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, empty means a file <c>q11portal.db</c> in the data directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations at start-up.</summary>
    public bool Migrate { get; set; } = true;

    /// <summary>Fill an empty database with demo content at start-up. Unset means: only in the Development
    /// environment (the web host decides), so a new production database stays empty unless this is set to true.</summary>
    public bool? SeedDemo { get; set; }

    /// <summary>SQLite: public page renders borrow connections that stay open and keep their queries prepared
    /// (<see cref="KeptOpenSqliteConnections"/>). False opens and closes a connection per render, as other pages do.</summary>
    public bool KeepSqliteStatements { get; set; } = true;

    [Range(1, 600)]
    public int CommandTimeoutSeconds { get; set; } = 60;
}
