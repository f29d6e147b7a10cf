using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Comments;

/// <summary>The secret behind ALTCHA signatures and client-address hashes. Taken from <c>Comments:SecretKey</c>, or
/// generated once and stored in the data directory encrypted with DataProtection, so no key ever lives in the
/// repository. Purpose-specific keys are derived with HKDF, so one secret never signs two kinds of thing.</summary>
public sealed class CommentSecrets
{
    private const string FileName = "comments-secret.key";
    private readonly Lazy<byte[]> master;

    public CommentSecrets(IOptions<CommentOptions> options, PortalPaths paths, IDataProtectionProvider dataProtection, ILogger<CommentSecrets> logger)
    {
        master = new Lazy<byte[]>(() => Load(options.Value, paths, dataProtection.CreateProtector("Q11Portal.Comments.Secret"), logger));
    }

    internal CommentSecrets(byte[] key)
    {
        master = new Lazy<byte[]>(key);
    }

    public byte[] AltchaKey => Derive("altcha-hmac");

    public byte[] ClientHashKey => Derive("client-address-hash");

    private byte[] Derive(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, master.Value, 32, salt: [], info: Encoding.UTF8.GetBytes(purpose));

    private static byte[] Load(CommentOptions options, PortalPaths paths, IDataProtector protector, ILogger logger)
    {
        if (!string.IsNullOrEmpty(options.SecretKey))
        {
            return Convert.FromBase64String(options.SecretKey);
        }

        var directory = Path.Combine(paths.DataDirectory, "keys");
        var file = Path.Combine(directory, FileName);
        if (File.Exists(file))
        {
            try
            {
                return protector.Unprotect(Convert.FromBase64String(File.ReadAllText(file).Trim()));
            }
            catch (Exception ex) when (ex is CryptographicException or FormatException)
            {
                logger.LogWarning(ex, "The stored comment secret in {File} cannot be read; a new one is generated (open ALTCHA challenges become invalid)", file);
            }
        }

        Directory.CreateDirectory(directory);
        var key = RandomNumberGenerator.GetBytes(32);
        var temp = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, Convert.ToBase64String(protector.Protect(key)));
        try
        {
            File.Move(temp, file, overwrite: false);
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another node sharing the data directory wrote its key first: use that one.
            File.Delete(temp);
            return protector.Unprotect(Convert.FromBase64String(File.ReadAllText(file).Trim()));
        }

        logger.LogInformation("Generated a comment secret in {File}; set Comments:SecretKey to share one between web nodes", file);
        return key;
    }
}

/// <summary>Turns a client address into a salted hash: an HMAC with the portal's secret and the UTC day, so a stored
/// hash cannot be reversed by trying every IPv4 address and cannot link one client across days.</summary>
public sealed class ClientAddressHasher(CommentSecrets secrets, TimeProvider clock)
{
    public string Hash(string? clientAddress)
    {
        var day = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(secrets.ClientHashKey, Encoding.UTF8.GetBytes(day + "|" + (clientAddress ?? "unknown")));
        return Convert.ToBase64String(mac, 0, 18).Replace('+', '-').Replace('/', '_');
    }
}
