using System.Net;
using Q11Portal.Core.Data;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests;

public sealed class SmokeTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Health_WhenDatabaseIsUp_IsHealthy(DatabaseProvider provider)
    {
        await using var app = await PortalAppFactory.CreateAsync(provider);
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Ready_WhenDatabaseIsUnreachable_IsUnhealthy()
    {
        await using var app = await PortalAppFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            // Migrate on start against a valid file, then point readiness at a path that cannot be opened.
            ["Database:Migrate"] = "false",
            ["Database:ConnectionString"] = "Data Source=/nonexistent-dir/x.db;Mode=ReadOnly",
        });
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task UnknownAddress_GivesVietnamese404Page()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var client = app.CreateClient();

        var response = await client.GetAsync("/khong-co-trang-nay", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
