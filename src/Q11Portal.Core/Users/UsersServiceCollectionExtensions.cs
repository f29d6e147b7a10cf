using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Data;
using Q11Portal.Core.Statistics;
using StackExchange.Redis;

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
            .AddPasswordValidator<PortalPasswordValidator>()
            // Under Identity's own name, so SignInManager and UserManager use it for every authenticator code.
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            // After AddRoles, which registers the factory this one replaces.
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>();
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
        services.AddScoped<TwoFactorAccounts>();
        return services;
    }

    /// <summary>The per-address limit on failed sign-ins (<see cref="SignInThrottle"/>), for the web host. Shared by
    /// the nodes through Redis when <c>Redis:Configuration</c> is set (the connection the counters register, see
    /// AddStatistics), counted in this process otherwise.</summary>
    public static IServiceCollection AddPortalSignInLimits(this IServiceCollection services)
    {
        services.AddOptions<SignInLimitOptions>()
            .BindConfiguration(SignInLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<MemorySignInFailureStore>();
        services.AddSingleton<ISignInFailureStore>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IConfiguration>()[StatisticsServiceCollectionExtensions.RedisConfigurationKey])
                ? sp.GetRequiredService<MemorySignInFailureStore>()
                : new RedisSignInFailureStore(
                    sp.GetRequiredService<IConnectionMultiplexer>(),
                    sp.GetRequiredService<IOptions<SignInLimitOptions>>().Value.RedisKeyPrefix,
                    sp.GetRequiredService<MemorySignInFailureStore>(),
                    sp.GetRequiredService<ILogger<RedisSignInFailureStore>>()));
        services.AddScoped<SignInThrottle>();
        return services;
    }
}
