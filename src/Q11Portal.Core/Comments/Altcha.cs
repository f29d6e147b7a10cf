using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Q11Portal.Core.Comments;

/// <summary>The challenge the ALTCHA widget fetches (its "v1" format): find <c>number</c> with
/// SHA-256(salt + number) = challenge; the signature proves the challenge came from this portal.</summary>
public sealed record AltchaChallenge(
    [property: JsonPropertyName("algorithm")] string Algorithm,
    [property: JsonPropertyName("challenge")] string Challenge,
    [property: JsonPropertyName("maxnumber")] int MaxNumber,
    [property: JsonPropertyName("salt")] string Salt,
    [property: JsonPropertyName("signature")] string Signature);

public enum AltchaFailure
{
    Missing,
    Malformed,
    BadSignature,
    WrongNumber,
    Expired,
}

/// <summary>A checked solution: <see cref="Failure"/> is null when it is valid. The caller spends
/// <see cref="Challenge"/> (see <see cref="SpentTokenStore"/>) so one solution posts one comment.</summary>
public sealed record AltchaVerification(AltchaFailure? Failure, string? Challenge = null, DateTime ExpiresAtUtc = default)
{
    public bool IsValid => Failure is null;
}

/// <summary>Self-hosted proof of work: issues signed challenges and checks solutions. No third-party service.</summary>
public sealed class AltchaService(CommentSecrets secrets, IOptions<CommentOptions> options, TimeProvider clock)
{
    public const string Algorithm = "SHA-256";
    private const int MaxPayloadLength = 4096;

    public AltchaChallenge CreateChallenge()
    {
        var maxNumber = options.Value.AltchaMaxNumber;
        var expires = clock.GetUtcNow().AddMinutes(options.Value.AltchaChallengeMinutes).ToUnixTimeSeconds();
        var salt = Hex(RandomNumberGenerator.GetBytes(12)) + "?expires=" + expires.ToString(CultureInfo.InvariantCulture);
        var number = RandomNumberGenerator.GetInt32(maxNumber + 1);
        var challenge = Sha256Hex(salt + number.ToString(CultureInfo.InvariantCulture));
        return new AltchaChallenge(Algorithm, challenge, maxNumber, salt, Sign(challenge));
    }

    /// <summary>Checks the widget's payload: base64 of JSON {algorithm, challenge, number, salt, signature}.</summary>
    public AltchaVerification Verify(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload))
        {
            return new(AltchaFailure.Missing);
        }

        if (payload.Length > MaxPayloadLength)
        {
            return new(AltchaFailure.Malformed);
        }

        Solution? solution;
        try
        {
            solution = JsonSerializer.Deserialize<Solution>(Convert.FromBase64String(payload.Trim()));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return new(AltchaFailure.Malformed);
        }

        if (solution is not { Algorithm: Algorithm, Challenge.Length: 64, Salt.Length: > 0 and < 200, Signature.Length: 64, Number: >= 0 })
        {
            return new(AltchaFailure.Malformed);
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(solution.Challenge)), Encoding.ASCII.GetBytes(solution.Signature.ToLowerInvariant())))
        {
            return new(AltchaFailure.BadSignature);
        }

        if (Sha256Hex(solution.Salt + solution.Number.ToString(CultureInfo.InvariantCulture)) != solution.Challenge.ToLowerInvariant())
        {
            return new(AltchaFailure.WrongNumber);
        }

        var expires = ReadExpires(solution.Salt);
        if (expires is null || expires <= clock.GetUtcNow())
        {
            return new(AltchaFailure.Expired);
        }

        return new(null, solution.Challenge.ToLowerInvariant(), expires.Value.UtcDateTime);
    }

    /// <summary>Solves a challenge by brute force, as the widget does; for tests and scripted checks.</summary>
    public static string Solve(AltchaChallenge challenge)
    {
        for (var n = 0; n <= challenge.MaxNumber; n++)
        {
            if (Sha256Hex(challenge.Salt + n.ToString(CultureInfo.InvariantCulture)) == challenge.Challenge)
            {
                var json = JsonSerializer.SerializeToUtf8Bytes(new Solution(challenge.Algorithm, challenge.Challenge, n, challenge.Salt, challenge.Signature));
                return Convert.ToBase64String(json);
            }
        }

        throw new InvalidOperationException("The challenge has no solution within its maxnumber.");
    }

    private string Sign(string challenge) => Hex(HMACSHA256.HashData(secrets.AltchaKey, Encoding.UTF8.GetBytes(challenge.ToLowerInvariant())));

    private static DateTimeOffset? ReadExpires(string salt)
    {
        var query = salt.IndexOf('?');
        if (query < 0)
        {
            return null;
        }

        foreach (var pair in salt[(query + 1)..].Split('&'))
        {
            if (pair.StartsWith("expires=", StringComparison.Ordinal)
                && long.TryParse(pair["expires=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                && seconds < 253_402_300_799)
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
        }

        return null;
    }

    private static string Sha256Hex(string text) => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    private sealed record Solution(
        [property: JsonPropertyName("algorithm")] string? Algorithm,
        [property: JsonPropertyName("challenge")] string? Challenge,
        [property: JsonPropertyName("number")] long Number,
        [property: JsonPropertyName("salt")] string? Salt,
        [property: JsonPropertyName("signature")] string? Signature);
}
