using System.ComponentModel.DataAnnotations;

namespace Q11Portal.Core.Comments;

/// <summary>Limits and anti-spam settings for residents' comments (configuration section <c>Comments</c>).</summary>
public sealed class CommentOptions : IValidatableObject
{
    public const string SectionName = "Comments";

    [Range(1, 100)]
    public int NameMaxLength { get; set; } = 100;

    [Range(10, 5000)]
    public int BodyMaxLength { get; set; } = 2000;

    [Range(1, 100)]
    public int BodyMinLength { get; set; } = 2;

    /// <summary>Links (http://, www., bare domains) allowed before a comment goes to spam instead of the queue.</summary>
    [Range(0, 50)]
    public int MaxLinks { get; set; } = 2;

    /// <summary>Words or phrases that send a comment to spam. Written without marks, they also match marked and
    /// decomposed spellings ("casino" matches "cásino"); written with marks, they match only that spelling.</summary>
    public List<string> BlockedWords { get; set; } = [];

    /// <summary>Minimum time between showing the form and posting it: faster than a person can write.</summary>
    [Range(0, 600)]
    public int MinFormAgeSeconds { get; set; } = 3;

    /// <summary>A form left open longer than this is refused (and handed back with a fresh token).</summary>
    [Range(1, 7 * 24 * 60)]
    public int MaxFormAgeMinutes { get; set; } = 240;

    /// <summary>Comments one client may post per <see cref="RateLimitWindowMinutes"/>.</summary>
    [Range(1, 1000)]
    public int RateLimitPermits { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int RateLimitWindowMinutes { get; set; } = 10;

    /// <summary>Prefix of the rate limit's Redis keys when nodes share a Redis, so several portals (or test runs) can
    /// share one.</summary>
    [Required]
    public string RateLimitRedisKeyPrefix { get; set; } = "q11:comments:rate:";

    /// <summary>Days a comment keeps its client address in clear (for abuse reports); 0 stores none at all.</summary>
    [Range(0, 365)]
    public int ClientAddressRetentionDays { get; set; } = 30;

    /// <summary>How often the privacy job removes expired addresses and spent tokens.</summary>
    [Range(1, 24 * 60)]
    public int CleanupIntervalMinutes { get; set; } = 60;

    /// <summary>ALTCHA difficulty: the secret number is drawn from 0..AltchaMaxNumber (about 1–2 s on a phone at 100 000).</summary>
    [Range(10, 10_000_000)]
    public int AltchaMaxNumber { get; set; } = 100_000;

    [Range(1, 24 * 60)]
    public int AltchaChallengeMinutes { get; set; } = 20;

    /// <summary>Base64 secret (at least 32 bytes) for ALTCHA signatures and client-address hashes. Several web nodes
    /// share it; when empty, one is generated once and kept in the database (table PortalSecrets), which every node reads.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Shown as the author of staff replies ("Trả lời").</summary>
    [Required, StringLength(100, MinimumLength = 1)]
    public string StaffReplyName { get; set; } = "Ban Biên tập";

    [Range(5, 200)]
    public int ModerationPageSize { get; set; } = 25;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BodyMinLength > BodyMaxLength)
        {
            yield return new ValidationResult("Comments:BodyMinLength must not exceed BodyMaxLength.", [nameof(BodyMinLength)]);
        }

        if (MinFormAgeSeconds >= MaxFormAgeMinutes * 60)
        {
            yield return new ValidationResult("Comments:MinFormAgeSeconds must be shorter than MaxFormAgeMinutes.", [nameof(MinFormAgeSeconds)]);
        }

        if (!string.IsNullOrEmpty(SecretKey))
        {
            byte[]? key = null;
            try
            {
                key = Convert.FromBase64String(SecretKey);
            }
            catch (FormatException)
            {
            }

            if (key is not { Length: >= 32 })
            {
                yield return new ValidationResult("Comments:SecretKey must be base64 of at least 32 bytes.", [nameof(SecretKey)]);
            }
        }

        if (BlockedWords.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("Comments:BlockedWords must not contain empty entries.", [nameof(BlockedWords)]);
        }
    }
}
