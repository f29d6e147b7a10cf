using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Q11Portal.Core.Comments;

public enum FormTokenFailure
{
    Missing,
    /// <summary>Not made by this portal, altered, or made for another article.</summary>
    Forged,
    /// <summary>Posted sooner after the form was shown than a person could write a comment.</summary>
    TooFast,
    Expired,
}

/// <summary>A checked token: <see cref="Failure"/> is null when it is valid. <see cref="Token"/> is what the caller
/// spends so that the same form cannot post twice.</summary>
public sealed record FormTokenCheck(FormTokenFailure? Failure, string? Token = null, DateTime IssuedAtUtc = default, DateTime ExpiresAtUtc = default)
{
    public bool IsValid => Failure is null;
}

/// <summary>The hidden token in every comment form: the article and the time the form was shown, encrypted and
/// signed with DataProtection (time-limited), plus a random nonce so that each form is spent once.</summary>
public sealed class CommentFormToken(IDataProtectionProvider dataProtection, IOptions<CommentOptions> options, TimeProvider clock)
{
    private const string Version = "c1";
    private const int MaxTokenLength = 2048;
    private readonly ITimeLimitedDataProtector protector =
        dataProtection.CreateProtector("Q11Portal.Comments.FormToken").ToTimeLimitedDataProtector();

    public string Issue(int articleId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var payload = string.Join('|', Version, articleId.ToString(CultureInfo.InvariantCulture), now.Ticks.ToString(CultureInfo.InvariantCulture), nonce);
        // The protector's own expiry (on the system clock) is a backstop; the age rules below use the portal's clock.
        return protector.Protect(payload, TimeSpan.FromMinutes(options.Value.MaxFormAgeMinutes) + TimeSpan.FromMinutes(5));
    }

    public FormTokenCheck Check(string? token, int articleId)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return new(FormTokenFailure.Missing);
        }

        if (token.Length > MaxTokenLength)
        {
            return new(FormTokenFailure.Forged);
        }

        string payload;
        try
        {
            payload = protector.Unprotect(token.Trim());
        }
        catch (CryptographicException ex) when (ex.Message.Contains("expired", StringComparison.OrdinalIgnoreCase))
        {
            return new(FormTokenFailure.Expired);
        }
        catch (CryptographicException)
        {
            return new(FormTokenFailure.Forged);
        }

        var parts = payload.Split('|');
        if (parts.Length != 4 || parts[0] != Version
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var tokenArticle) || tokenArticle != articleId
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTime.MaxValue.Ticks)
        {
            return new(FormTokenFailure.Forged);
        }

        var issued = new DateTime(ticks, DateTimeKind.Utc);
        var expires = issued.AddMinutes(options.Value.MaxFormAgeMinutes);
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < issued.AddSeconds(options.Value.MinFormAgeSeconds))
        {
            return new(FormTokenFailure.TooFast, IssuedAtUtc: issued);
        }

        if (now > expires)
        {
            return new(FormTokenFailure.Expired, IssuedAtUtc: issued);
        }

        return new(null, token.Trim(), issued, expires);
    }
}
