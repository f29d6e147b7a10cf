using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Q11Portal.Core.Users;

/// <summary>Time-based one-time codes as authenticator apps and Identity make them (RFC 6238: HMAC-SHA1, 30-second
/// steps, 6 digits). Kept here because Identity does not say which time step a code matched, and a code may be
/// used only once.</summary>
public static class Totp
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / (long)Step.TotalSeconds;

    public static int Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // SHA1 is what RFC 6238 and every authenticator app use; HMAC-SHA1 is not broken.
        HMACSHA1.HashData(key, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7FFFFFFF;
        return binary % 1_000_000;
    }

    /// <summary>The step within <paramref name="drift"/> steps of <paramref name="now"/> whose code is
    /// <paramref name="code"/>, newest first, or null.</summary>
    public static long? MatchingStep(byte[] key, int code, DateTimeOffset now, int drift)
    {
        var current = StepAt(now);
        for (var step = current + drift; step >= current - drift; step--)
        {
            if (Code(key, step) == code)
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>Reads what a person typed: six digits, spaces and dashes allowed between them.</summary>
    public static bool TryParse(string? typed, out int code)
    {
        code = 0;
        var digits = new string((typed ?? string.Empty).Where(c => c is not (' ' or '-')).ToArray());
        return digits.Length == 6 && digits.All(char.IsAsciiDigit) && int.TryParse(digits, out code);
    }

    /// <summary>Decodes an RFC 4648 base32 key (Identity's authenticator key format), ignoring case, spaces and padding.</summary>
    public static byte[] DecodeBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '=')
            {
                continue;
            }

            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("Not a base32 key.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. output];
    }
}
