using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Data;
using Q11Portal.Core.Users;

namespace Q11Portal.Web.Infrastructure;

/// <summary>Settings a production site must not run with: it refuses to start and names every problem at once, so the
/// operator fixes them in one round instead of one restart per problem.</summary>
public sealed class ProductionSettingsCheck(IConfiguration configuration, PortalDbContext db, UserManager<PortalUser> users)
{
    /// <summary>The first administrator's password in <c>appsettings.Development.json</c>: anyone who has read the
    /// source knows it, so a production site refuses it in its settings and on any administrator account.</summary>
    public const string DemoAdminPassword = "thu-nghiem-tren-may-ca-nhan";

    /// <summary>The problems that need only the settings, as English lines for the operator; empty when safe.</summary>
    public static IReadOnlyList<string> SettingProblems(string? baseUrl, string? allowedHosts, string? adminPassword)
    {
        var problems = new List<string>();
        var hasBaseUrl = Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
        if (!hasBaseUrl)
        {
            problems.Add(string.IsNullOrWhiteSpace(baseUrl)
                ? "PublicSite:BaseUrl is not set: feeds, sitemaps and share links need the public address, e.g. https://quan11.example.gov.vn."
                : $"PublicSite:BaseUrl '{baseUrl}' is not an absolute http(s) address, e.g. https://quan11.example.gov.vn.");
        }

        if (!hasBaseUrl && (string.IsNullOrWhiteSpace(allowedHosts) || allowedHosts.Split(';').Any(h => h.Trim() == "*")))
        {
            problems.Add("AllowedHosts is '*' while PublicSite:BaseUrl is not set: links would be built from whatever Host header a client sends. " +
                "Set PublicSite:BaseUrl, or AllowedHosts to the site's host names (separated by ';').");
        }

        if (adminPassword == DemoAdminPassword)
        {
            problems.Add("Admin:Password is the published demo password: remove it, or give the first administrator a password of its own.");
        }

        return problems;
    }

    /// <summary>Every problem: the settings, and administrator accounts that still sign in with the demo password
    /// (a database carried over from a trial). The accounts are only looked at once the database exists and is
    /// migrated; before that it has none.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(CancellationToken ct)
    {
        // Raw configuration, not the bound options: an invalid address must be reported here, with the rest, rather
        // than thrown by the options' own validation one problem at a time.
        var problems = SettingProblems(configuration["PublicSite:BaseUrl"], configuration["AllowedHosts"], configuration["Admin:Password"]).ToList();
        if (await db.Database.CanConnectAsync(ct) && !(await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            foreach (var admin in await users.GetUsersInRoleAsync(Roles.Admin))
            {
                if (admin.PasswordHash is { } hash && users.PasswordHasher.VerifyHashedPassword(admin, hash, DemoAdminPassword) != PasswordVerificationResult.Failed)
                {
                    problems.Add($"The administrator account {admin.Email} signs in with the published demo password: " +
                        "set a new one with 'q11portal users reset-password EMAIL' before starting the site.");
                }
            }
        }

        return problems;
    }
}

public static class ProductionSettingsExtensions
{
    /// <summary>Demo content only where a developer runs the site, unless <c>Database:SeedDemo</c> says otherwise.</summary>
    public static IServiceCollection AddPortalEnvironmentDefaults(this IServiceCollection services, IHostEnvironment environment)
    {
        services.PostConfigure<DatabaseOptions>(o => o.SeedDemo ??= environment.IsDevelopment());
        services.AddScoped<ProductionSettingsCheck>();
        return services;
    }

    /// <summary>In Production, throws before migrations, demo content or the first administrator when <see cref="ProductionSettingsCheck"/> finds
    /// anything; the message lists every problem.</summary>
    public static async Task RefuseUnsafeProductionSettingsAsync(this WebApplication app)
    {
        if (!app.Environment.IsProduction())
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var problems = await scope.ServiceProvider.GetRequiredService<ProductionSettingsCheck>().ProblemsAsync(app.Lifetime.ApplicationStopping);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Q11Portal refuses to start in Production with unsafe settings:" + Environment.NewLine +
                string.Join(Environment.NewLine, problems.Select(p => "  - " + p)) + Environment.NewLine +
                "See docs/deployment.md (Settings) and start again.");
        }
    }
}
