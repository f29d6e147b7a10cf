using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Users;

namespace Q11Portal.Web.Infrastructure;

public static class IdentityServiceCollectionExtensions
{
    public const string LoginPath = "/dang-nhap";
    public const string LogoutPath = "/dang-xuat";

    /// <summary>Cookie sign-in for staff on top of Core's user store (AddPortalUsers), and the three role policies.</summary>
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services)
    {
        new IdentityBuilder(typeof(PortalUser), typeof(IdentityRole), services).AddSignInManager();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<PortalIdentityOptions>>((o, portal) =>
        {
            o.LoginPath = LoginPath;
            o.LogoutPath = LogoutPath;
            o.ReturnUrlParameter = "returnUrl";
            o.Cookie.Name = "q11.staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(portal.Value.SessionHours);
            o.SlidingExpiration = true;
            // Identity already set Events.OnValidatePrincipal (the security stamp check): amend, never replace.
            // Signed-in staff without the right role get the Vietnamese 403 page (status-code pages render it)
            // instead of a redirect to a separate "access denied" address.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToLogin = context =>
            {
                if (IsApiRequest(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }

                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<PortalIdentityOptions>>((o, portal) =>
            o.ValidationInterval = TimeSpan.FromSeconds(portal.Value.SecurityStampCheckSeconds));

        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o =>
        {
            o.Filters.Add<AccountHoldFilter>();
        });
        services.AddPortalSignInLimits();

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Reporter, p => p.RequireAuthenticatedUser().RequireRole(Policies.RolesFor(Policies.Reporter)))
            .AddPolicy(Policies.Editor, p => p.RequireAuthenticatedUser().RequireRole(Policies.RolesFor(Policies.Editor)))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Policies.RolesFor(Policies.Admin)));
        return services;
    }

    /// <summary>Creates the roles and, when configured and no admin exists yet, the first administrator.
    /// Several nodes starting together on one database race to do it: the loser's insert breaks a unique index, and
    /// it simply looks again in a new scope (then finds the roles and the administrator made by the winner).</summary>
    public static async Task InitializePortalIdentityAsync(this WebApplication app)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            try
            {
                await admin.EnsureBootstrapAdminAsync(scope.ServiceProvider.GetRequiredService<IOptions<AdminBootstrapOptions>>().Value, app.Lifetime.ApplicationStopping);
                return;
            }
            catch (Exception ex) when (attempt < 3 && ex is DbUpdateException or InvalidOperationException)
            {
                app.Logger.LogWarning(ex, "Roles or the first administrator were being created by another node at the same time; looking again");
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), app.Lifetime.ApplicationStopping);
            }
        }
    }

    private static bool IsApiRequest(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true)
        && !request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
}
