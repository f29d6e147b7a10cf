using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Data;
using Q11Portal.Testing;
using Q11Portal.Web.Infrastructure;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests;

/// <summary>The host in the Production environment: no demo content unless asked for, and no start with unsafe settings.</summary>
public sealed class ProductionHostTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("https://quan11.example.gov.vn", "*", null, 0)]
    [InlineData("http://10.0.0.5:8080/", "*", "mot-mat-khau-rieng-dai", 0)]
    [InlineData(null, "quan11.example.gov.vn", null, 1)]
    [InlineData("quan11.example.gov.vn", "quan11.example.gov.vn", null, 1)]
    [InlineData("ftp://quan11.example.gov.vn", "*", null, 2)]
    [InlineData("", "*", ProductionSettingsCheck.DemoAdminPassword, 3)]
    public void SettingProblems_Settings_CountsEachProblem(string? baseUrl, string allowedHosts, string? adminPassword, int expected) =>
        Assert.Equal(expected, ProductionSettingsCheck.SettingProblems(baseUrl, allowedHosts, adminPassword).Count);

    [Fact]
    public void DevelopmentSettings_AdminPassword_IsTheOneProductionRefuses()
    {
        var root = TestEnvironment.FindRepositoryRoot()!;
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "src", "Q11Portal.Web", "appsettings.Development.json")));

        Assert.Equal(ProductionSettingsCheck.DemoAdminPassword, json.RootElement.GetProperty("Admin").GetProperty("Password").GetString());
    }

    [Fact]
    public async Task Production_UnsafeSettings_RefusesToStartListingEveryProblem()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        var environment = ProcessSettings(database);
        environment["PublicSite__BaseUrl"] = "";
        environment["AllowedHosts"] = "*";
        environment["Admin__Email"] = "quantri@q11.test";
        environment["Admin__Password"] = ProductionSettingsCheck.DemoAdminPassword;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => PortalProcess.StartAsync(environment, ["--DataDirectory=" + database.DataDirectory], Ct));

        Assert.Contains("refuses to start in Production", failure.Message);
        Assert.Contains("PublicSite:BaseUrl is not set", failure.Message);
        Assert.Contains("AllowedHosts is '*'", failure.Message);
        Assert.Contains("Admin:Password is the published demo password", failure.Message);
        // Refused before anything was written: no migrated database, so no administrator with the demo password.
        Assert.False(File.Exists(Path.Combine(database.DataDirectory, "test.db")));
    }

    [Fact]
    public async Task Production_AdminAccountWithDemoPassword_RefusesToStart()
    {
        // A trial run outside Production created the administrator with the demo password; the trial host owns (and
        // finally deletes) the database.
        var trial = new Dictionary<string, string?> { ["Admin:Email"] = "quantri@q11.test", ["Admin:Password"] = ProductionSettingsCheck.DemoAdminPassword };
        await using var app = new PortalAppFactory(await TestDatabase.CreateAsync(migrate: false), trial);
        _ = app.Services;
        var database = app.Database;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PortalProcess.StartAsync(ProcessSettings(database), ["--DataDirectory=" + database.DataDirectory], Ct));

        Assert.Contains("administrator account quantri@q11.test signs in with the published demo password", failure.Message);
        Assert.DoesNotContain("PublicSite:BaseUrl", failure.Message);
    }

    [Fact]
    public async Task Production_SafeSettings_StartsWithoutDemoContent()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        var environment = ProcessSettings(database);
        environment.Remove("Database__SeedDemo"); // the Production default decides
        environment["Admin__Email"] = "quantri@q11.test";
        environment["Admin__Password"] = "mot-cau-rieng-cua-quan-tri";

        await using var portal = await PortalProcess.StartAsync(environment, ["--DataDirectory=" + database.DataDirectory], Ct);
        using var http = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready", Ct)).StatusCode);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Articles.CountAsync(Ct));
        Assert.True(await db.Users.AnyAsync(u => u.Email == "quantri@q11.test", Ct));
    }

    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Production", null, false)]
    [InlineData("Testing", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", "false", false)]
    public void SeedDemo_Environment_DefaultsToDevelopmentOnly(string environment, string? configured, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:SeedDemo"] = configured }).Build();
        var services = new ServiceCollection();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName));
        services.AddPortalEnvironmentDefaults(new HostingEnvironment { EnvironmentName = environment });
        using var provider = services.BuildServiceProvider();

        Assert.Equal(expected, provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.SeedDemo);
    }

    private static Dictionary<string, string> ProcessSettings(TestDatabase database) => new()
    {
        ["Serilog__WriteTo__1__Args__path"] = Path.Combine(database.DataDirectory, "logs", "q11portal-.log"),
        ["Database__SeedDemo"] = "false",
        ["Database__ConnectionString"] = database.ConnectionString,
    };
}
