using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Q11Portal.Core.Statistics;

/// <summary>Visitor ids: the random id in the first-party cookie, and for browsers without it a keyed hash of
/// address and user agent. The key (salt) is random per local day and never stored next to the counts, so the
/// hash cannot be turned back into an address, and the same browser hashes differently tomorrow.</summary>
public static class VisitorKeys
{
    /// <summary>Length of a cookie id: 16 random bytes in unpadded base64url.</summary>
    public const int CookieIdLength = 22;

    public static string NewCookieId()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Only ids this portal could have issued are trusted; anything else is treated as no cookie.</summary>
    public static bool IsValidCookieId(string? value)
    {
        if (value is null || value.Length != CookieIdLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    public static string NewSalt()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes);
    }

    /// <summary>"h:" + HMAC-SHA256(salt, address | user agent), truncated to 128 bits.</summary>
    public static string Fingerprint(string salt, IPAddress? address, string? userAgent)
    {
        var input = (address?.ToString() ?? "-") + "|" + (userAgent ?? string.Empty);
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(salt), Encoding.UTF8.GetBytes(input), hash);
        return "h:" + Base64Url.EncodeToString(hash[..16]);
    }
}
