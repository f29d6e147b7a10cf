using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Q11Portal.Core.Data;

namespace Q11Portal.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the model for this provider without a running server or the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DataServiceCollectionExtensions.Configure(
            options,
            new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design-time.db" },
            new PortalPaths(Path.GetTempPath()));
        return new PortalDbContext(options.Options);
    }
}
