using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Q11Portal.Demo.Generation;

/// <summary>Multi-row <c>INSERT … VALUES (…), (…)</c> for large synthetic data sets, built from the EF model (table,
/// column names, quoting and value conversions), so it behaves the same on SQLite, PostgreSQL and SQL Server without
/// the change tracker's cost per row. Only for benchmark data: it bypasses the services' rules on purpose.</summary>
internal sealed class BulkInsert<T>
    where T : class
{
    /// <summary>SQL Server accepts at most 2,100 parameters per command.</summary>
    private const int MaxParameters = 2000;

    private readonly DbContext db;
    private readonly string tableSql;
    private readonly IReadOnlyList<(IProperty Property, RelationalTypeMapping Mapping, string Column)> columns;
    private readonly int rowsPerStatement;

    /// <summary>Inserts every mapped property except store-generated keys, so columns added to the model later get the
    /// entity's default values instead of breaking the insert.</summary>
    public BulkInsert(DbContext db)
        : this(db, AllColumns(db))
    {
    }

    public BulkInsert(DbContext db, params string[] propertyNames)
    {
        this.db = db;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        tableSql = sql.DelimitIdentifier(table.Name, table.Schema);
        columns = propertyNames.Select(name =>
        {
            var property = entity.FindProperty(name) ?? throw new InvalidOperationException($"{typeof(T).Name}.{name} is not mapped.");
            return (property, (RelationalTypeMapping)property.GetTypeMapping(), sql.DelimitIdentifier(property.GetColumnName(table)!));
        }).ToList();
        rowsPerStatement = Math.Max(1, Math.Min(500, MaxParameters / columns.Count));
    }

    /// <summary>Inserts the rows on the context's connection, inside its current transaction if there is one.</summary>
    public async Task InsertAsync(IReadOnlyList<T> rows, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var chunk in rows.Chunk(rowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = BuildSql(chunk.Length);
            var p = 0;
            foreach (var row in chunk)
            {
                foreach (var (property, mapping, _) in columns)
                {
                    var value = property.PropertyInfo!.GetValue(row);
                    command.Parameters.Add(mapping.CreateParameter(command, $"@p{p++}", value, property.IsNullable));
                }
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static string[] AllColumns(DbContext db) =>
        [.. db.Model.FindEntityType(typeof(T))!.GetProperties()
            .Where(p => p.PropertyInfo is not null && !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))
            .Select(p => p.Name)];

    private string BuildSql(int rowCount)
    {
        var builder = new StringBuilder("INSERT INTO ").Append(tableSql).Append(" (")
            .AppendJoin(", ", columns.Select(c => c.Column)).Append(") VALUES ");
        var p = 0;
        for (var r = 0; r < rowCount; r++)
        {
            builder.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                builder.Append(c == 0 ? "@p" : ", @p").Append(p++);
            }

            builder.Append(')');
        }

        return builder.ToString();
    }
}
