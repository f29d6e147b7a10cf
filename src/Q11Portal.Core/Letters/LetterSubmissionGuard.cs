using Microsoft.Extensions.Logging;
using Q11Portal.Core.Comments;

namespace Q11Portal.Core.Letters;

/// <summary>What the letter form posted, with its anti-spam fields.</summary>
public sealed record LetterSubmission(LetterDraft Draft, string? Website, string? FormToken, string? Altcha);

/// <summary>The guard's answer: <see cref="Refusal"/> null when <see cref="Letter"/> may be stored. The refusals are
/// the comment form's (same honeypot, form token, ALTCHA proof and single use), so residents meet one set of rules.</summary>
public sealed record LetterVerdict(CommentRefusal? Refusal, CleanLetter? Letter)
{
    /// <summary>As for comments: a form refused only for speed, its proof or its fields may be sent again as it is.</summary>
    public bool KeepsFormToken => new CommentVerdict(Refusal, null).KeepsFormToken;
}

/// <summary>Decides whether a letter may be stored, with the comment form's machinery: the hidden honeypot field, the
/// signed form token (issued for <see cref="FormScope"/>, so a comment form's token does not post a letter nor the
/// reverse) with its minimum and maximum age, the ALTCHA proof, the field rules, then spends token and proof once.</summary>
public sealed class LetterSubmissionGuard(
    CommentFormToken formToken,
    AltchaService altcha,
    SpentTokenStore spent,
    ClientAddressHasher hasher,
    ILogger<LetterSubmissionGuard> logger)
{
    /// <summary>The "article" a letter form's token names: 0, which no article has.</summary>
    public const int FormScope = 0;
    public const string FormTokenKind = "letter-form";

    public string IssueFormToken() => formToken.Issue(FormScope);

    public async Task<LetterVerdict> CheckAsync(LetterSubmission submission, string? clientAddress, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(submission.Website))
        {
            logger.LogWarning("Letter honeypot filled by client {ClientHash}", hasher.Hash(clientAddress));
            return new(CommentRefusal.Honeypot, null);
        }

        var token = formToken.Check(submission.FormToken, FormScope);
        var proof = altcha.Verify(submission.Altcha);
        var clean = LetterRules.Clean(submission.Draft);
        var refusal = token.Failure switch
        {
            null => null,
            FormTokenFailure.TooFast => CommentRefusal.TooFast,
            FormTokenFailure.Expired => CommentRefusal.FormExpired,
            _ => (CommentRefusal?)CommentRefusal.FormForged,
        } ?? proof.Failure switch
        {
            null => null,
            AltchaFailure.Missing => CommentRefusal.ProofMissing,
            AltchaFailure.Expired => CommentRefusal.ProofExpired,
            _ => (CommentRefusal?)CommentRefusal.ProofInvalid,
        } ?? (clean.IsValid ? null : CommentRefusal.InvalidFields);
        if (refusal is not null)
        {
            return new(refusal, clean);
        }

        if (!await spent.TrySpendAsync([(FormTokenKind, token.Token!, token.ExpiresAtUtc)], ct))
        {
            logger.LogWarning("Letter form token replayed by client {ClientHash}", hasher.Hash(clientAddress));
            return new(CommentRefusal.FormReplayed, clean);
        }

        // The same kind as comments': one solved challenge posts one thing, a comment or a letter.
        if (!await spent.TrySpendAsync([(CommentSubmissionGuard.AltchaKind, proof.Challenge!, proof.ExpiresAtUtc)], ct))
        {
            logger.LogWarning("ALTCHA solution replayed on the letter form by client {ClientHash}", hasher.Hash(clientAddress));
            return new(CommentRefusal.ProofReplayed, clean);
        }

        return new(null, clean);
    }
}
