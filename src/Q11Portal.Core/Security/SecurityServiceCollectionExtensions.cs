using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>One application name for every node, so they all read each other's payloads.</summary>
    public const string ApplicationName = "Q11Portal";

    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";

    /// <summary>Data Protection keys in the database (table <c>DataProtectionKeys</c>), so the sign-in cookie, antiforgery
    /// and comment form tokens made by one node are accepted by every other and after a restart; encrypted at rest with
    /// the PFX at <c>DataProtection:CertificatePath</c> when one is set. Also the store of the other shared secrets.</summary>
    public static IServiceCollection AddPortalSecurity(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var keys = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<PortalDbContext>();
        if (configuration[CertificatePathKey] is { Length: > 0 } certificatePath)
        {
            var path = Path.GetFullPath(certificatePath, contentRoot);
            if (!File.Exists(path))
            {
                // At start-up, not at the first sign-in: a key written unencrypted would stay so.
                throw new InvalidOperationException($"{CertificatePathKey} points to {path}, which does not exist.");
            }

            keys.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordKey]));
        }

        services.AddSingleton<PortalSecretStore>();
        return services;
    }
}
