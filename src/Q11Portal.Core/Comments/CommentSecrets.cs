using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Security;

namespace Q11Portal.Core.Comments;

/// <summary>The secret behind ALTCHA signatures and client-address hashes. Taken from <c>Comments:SecretKey</c>, or
/// generated once and shared by every node through the database (<see cref="PortalSecretStore"/>), so no key ever
/// lives in the repository or in one node's files. Purpose-specific keys are derived with HKDF, so one secret never
/// signs two kinds of thing.</summary>
public sealed class CommentSecrets
{
    public const string SecretName = "Comments.Secret";
    private readonly Func<byte[]> master;

    public CommentSecrets(IOptions<CommentOptions> options, PortalSecretStore store)
    {
        if (options.Value.SecretKey is { Length: > 0 } configured)
        {
            var key = Convert.FromBase64String(configured);
            master = () => key;
        }
        else
        {
            // Asked on every use: the store caches it, and a failed read is tried again instead of being kept.
            master = () => store.Get(SecretName);
        }
    }

    internal CommentSecrets(byte[] key)
    {
        master = () => key;
    }

    public byte[] AltchaKey => Derive("altcha-hmac");

    public byte[] ClientHashKey => Derive("client-address-hash");

    private byte[] Derive(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, master(), 32, salt: [], info: Encoding.UTF8.GetBytes(purpose));
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
