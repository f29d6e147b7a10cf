using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Users;

public static class UsersServiceCollectionExtensions
{
    /// <summary>Identity's user and role stores on the portal database with the portal's password and lockout
    /// policy. The web host adds sign-in and cookies on top (AddPortalIdentity); the CLI uses this alone.</summary>
    public static IServiceCollection AddPortalUsers(this IServiceCollection services)
    {
        services.AddOptions<PortalIdentityOptions>()
            .BindConfiguration(PortalIdentityOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<AdminBootstrapOptions>().BindConfiguration(AdminBootstrapOptions.SectionName);

        services.AddIdentityCore<PortalUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddErrorDescriber<VietnameseIdentityErrorDescriber>()
            .AddPasswordValidator<PortalPasswordValidator>();
        // Read through options (not eagerly from configuration) so hosts and tests can override the settings late.
        services.AddOptions<IdentityOptions>().Configure<IOptions<PortalIdentityOptions>>((o, portal) =>
            {
                var settings = portal.Value;
                // Length over composition (NIST SP 800-63B): a long phrase beats "Abc@1234"; guessable
                // passwords are refused by PortalPasswordValidator instead of by character-class rules.
                o.Password.RequiredLength = settings.MinPasswordLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = settings.MaxFailedLogins;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(settings.LockoutMinutes);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            });
        services.AddScoped<UserAdministration>();
        services.AddScoped<PasswordResets>();
        return services;
    }
}
