using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Data;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Data;

/// <summary>Data Protection keys are kept in the database under one application name, encrypted with the configured
/// certificate when there is one.</summary>
public sealed class DataProtectionKeysTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Protect_WithoutCertificate_KeyInDatabase_ReadByAnotherNode()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var node1 = Build(database, []);
        await using var node2 = Build(database, []);

        var payload = Protector(node1).Protect("phiếu bình luận");

        Assert.Equal("phiếu bình luận", Protector(node2).Unprotect(payload));
        await using var db = database.CreateContext();
        Assert.Contains("<masterKey", (await db.DataProtectionKeys.SingleAsync(Ct)).Xml);
    }

    [Fact]
    public async Task Protect_WithCertificate_KeyEncryptedAtRest_ReadByAnotherNodeWithTheCertificate()
    {
        await using var database = await TestDatabase.CreateAsync();
        var pfx = Path.Combine(database.DataDirectory, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Q11Portal Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "mat-khau-chung-thu"), Ct);
        }

        Dictionary<string, string?> settings = new() { ["DataProtection:CertificatePath"] = pfx, ["DataProtection:CertificatePassword"] = "mat-khau-chung-thu" };
        await using var node1 = Build(database, settings);
        await using var node2 = Build(database, settings);

        var payload = Protector(node1).Protect("phiếu bình luận");

        Assert.Equal("phiếu bình luận", Protector(node2).Unprotect(payload));
        await using var db = database.CreateContext();
        var xml = (await db.DataProtectionKeys.SingleAsync(Ct)).Xml;
        Assert.Contains("EncryptedXml", xml);
        Assert.DoesNotContain("<masterKey", xml);
    }

    [Fact]
    public async Task AddPortalCore_CertificateFileMissing_FailsAtStartWithThePath()
    {
        await using var database = await TestDatabase.CreateAsync();
        var missing = Path.Combine(database.DataDirectory, "khong-co.pfx");

        var error = Assert.Throws<InvalidOperationException>(() => Build(database, new() { ["DataProtection:CertificatePath"] = missing }));

        Assert.Contains(missing, error.Message);
    }

    private static IDataProtector Protector(ServiceProvider node) =>
        node.GetRequiredService<IDataProtectionProvider>().CreateProtector("Q11Portal.Tests");

    private static ServiceProvider Build(TestDatabase database, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(database.Settings)
            .AddInMemoryCollection(settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Search:BackgroundSync"] = "false" })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddPortalCore(configuration, database.DataDirectory);
        return services.BuildServiceProvider();
    }
}
