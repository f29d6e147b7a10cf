using Microsoft.Extensions.Logging;

namespace Q11Portal.Core.Comments;

/// <summary>What a resident's comment form posted, as the web layer read it.</summary>
public sealed record CommentSubmission(string? Name, string? Email, string? Body, string? Website, string? FormToken, string? Altcha);

/// <summary>Why the guard turned a comment away; the web layer tells the resident in Vietnamese.</summary>
public enum CommentRefusal
{
    /// <summary>The hidden "Trang web" field was filled: a robot, or a browser's autofill.</summary>
    Honeypot,
    /// <summary>The form token is missing, altered, or made for another article.</summary>
    FormForged,
    /// <summary>Posted sooner after the form was shown than a person could write a comment.</summary>
    TooFast,
    FormExpired,
    ProofMissing,
    ProofExpired,
    /// <summary>The ALTCHA payload is malformed, not signed by this portal, or solved wrongly.</summary>
    ProofInvalid,
    /// <summary>Name, email or body breaks a rule; <see cref="CommentVerdict.Comment"/> says which, per field.</summary>
    InvalidFields,
    /// <summary>The form already posted a comment.</summary>
    FormReplayed,
    /// <summary>The ALTCHA solution already posted a comment.</summary>
    ProofReplayed,
}

/// <summary>The guard's answer. <see cref="Refusal"/> is null when <see cref="Comment"/> may be stored;
/// <see cref="Comment"/> is the cleaned draft with its field errors, null when the honeypot stopped the post first.</summary>
public sealed record CommentVerdict(CommentRefusal? Refusal, CleanComment? Comment)
{
    public bool Passed => Refusal is null;

    /// <summary>A form refused only for being too fast, for its proof or for its fields was not used up: the same
    /// form (waited for, verified again or corrected) may be sent again. Any other refusal needs a fresh form.</summary>
    public bool KeepsFormToken => Refusal is CommentRefusal.TooFast or CommentRefusal.ProofMissing or CommentRefusal.ProofExpired
        or CommentRefusal.ProofInvalid or CommentRefusal.InvalidFields;
}

/// <summary>Decides whether a posted comment may be stored: honeypot, the signed form token (minimum and maximum age),
/// the ALTCHA proof of work and the comment rules, then spends the token and the proof so neither posts twice. The
/// per-client rate limit runs before this, in the web host's rate limiter; the spam words are applied when storing.</summary>
public sealed class CommentSubmissionGuard(
    CommentService comments,
    CommentFormToken formToken,
    AltchaService altcha,
    SpentTokenStore spent,
    ClientAddressHasher hasher,
    ILogger<CommentSubmissionGuard> logger)
{
    public const string FormTokenKind = "comment-form";
    public const string AltchaKind = "altcha";

    /// <param name="clientAddress">The poster's address, only hashed here (for the warnings in the log).</param>
    public async Task<CommentVerdict> CheckAsync(CommentArticle article, CommentSubmission submission, string? clientAddress, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(submission.Website))
        {
            logger.LogWarning("Comment honeypot filled on article {ArticleId} by client {ClientHash}", article.Id, hasher.Hash(clientAddress));
            return new(CommentRefusal.Honeypot, null);
        }

        var token = formToken.Check(submission.FormToken, article.Id);
        var proof = altcha.Verify(submission.Altcha);
        var clean = comments.Clean(new CommentDraft(submission.Name, submission.Email, submission.Body));
        var refusal = TokenRefusal(token.Failure) ?? ProofRefusal(proof.Failure) ?? (clean.IsValid ? null : CommentRefusal.InvalidFields);
        if (refusal is not null)
        {
            return new(refusal, clean);
        }

        if (!await spent.TrySpendAsync([(FormTokenKind, token.Token!, token.ExpiresAtUtc)], ct))
        {
            logger.LogWarning("Comment form token replayed on article {ArticleId} by client {ClientHash}", article.Id, hasher.Hash(clientAddress));
            return new(CommentRefusal.FormReplayed, clean);
        }

        if (!await spent.TrySpendAsync([(AltchaKind, proof.Challenge!, proof.ExpiresAtUtc)], ct))
        {
            logger.LogWarning("ALTCHA solution replayed on article {ArticleId} by client {ClientHash}", article.Id, hasher.Hash(clientAddress));
            return new(CommentRefusal.ProofReplayed, clean);
        }

        return new(null, clean);
    }

    private static CommentRefusal? TokenRefusal(FormTokenFailure? failure) => failure switch
    {
        null => null,
        FormTokenFailure.TooFast => CommentRefusal.TooFast,
        FormTokenFailure.Expired => CommentRefusal.FormExpired,
        _ => CommentRefusal.FormForged,
    };

    private static CommentRefusal? ProofRefusal(AltchaFailure? failure) => failure switch
    {
        null => null,
        AltchaFailure.Missing => CommentRefusal.ProofMissing,
        AltchaFailure.Expired => CommentRefusal.ProofExpired,
        _ => CommentRefusal.ProofInvalid,
    };
}
