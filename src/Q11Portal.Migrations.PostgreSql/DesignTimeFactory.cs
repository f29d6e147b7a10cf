using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Q11Portal.Core.Data;

namespace Q11Portal.Migrations.PostgreSql;

/// <summary>Lets <c>dotnet ef</c> build the model for this provider without a running server or the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DataServiceCollectionExtensions.Configure(
            options,
            new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = "Host=localhost;Database=q11portal;Username=design" },
            new PortalPaths(Path.GetTempPath()));
        return new PortalDbContext(options.Options);
    }
}
