using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Articles;

/// <summary>Writes an article's content from the editor form: create, and save with optimistic concurrency on
/// <see cref="Article.Version"/> and a revision per save. An edit of a published article is a change to what the
/// public sees (a <see cref="ContentChange"/> and the change handlers).</summary>
public sealed class ArticleWriter(
    PortalDbContext db,
    ArticleDraftValidator validator,
    ArticleDraftApplier applier,
    ArticleCommits commits,
    AuditLog audit,
    ILogger<ArticleWriter> logger)
{
    public async Task<Result<ArticleSaved>> CreateAsync(ArticleDraft draft, StaffActor actor, CancellationToken ct)
    {
        if (Users.Roles.Rank(actor.Role) == 0)
        {
            return Result<ArticleSaved>.From(Result.Forbidden("Bạn không có quyền viết bài."));
        }

        draft = IsEditor(actor) ? draft with { CorrectionNote = null } : draft with
        {
            ExpiresAtUtc = null, IsFeatured = false, FeaturedOrder = null, PinnedRelatedIds = [], CorrectionNote = null,
        };
        if (await CheckAsync(draft, null, ct) is { Succeeded: false } problem)
        {
            return Result<ArticleSaved>.From(problem);
        }

        var now = commits.Now;
        var article = new Article
        {
            Status = ArticleStatus.Draft,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            CreatedById = actor.UserId,
            Version = Guid.NewGuid(),
        };
        var removed = await applier.ApplyAsync(article, draft, isNew: true, ct);
        db.Articles.Add(article);
        await db.SaveChangesAsync(ct);
        AddRevision(article, actor);
        audit.Add(actor.UserName, AuditActions.ArticleCreated, nameof(Article), article.Id.ToString(CultureInfo.InvariantCulture), article.Title);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Article {ArticleId} created by {UserName}", article.Id, actor.UserName);
        return new ArticleSaved(article.Id, article.Version, Removed: removed);
    }

    /// <summary>Saves the form over the article when <paramref name="expectedVersion"/> is still current; otherwise
    /// answers Conflict and changes nothing, so the caller can show the form again with the person's text. A save that
    /// changes nothing creates no revision (<see cref="ArticleSaved.Unchanged"/>).</summary>
    public async Task<Result<ArticleSaved>> SaveAsync(int id, ArticleDraft draft, Guid expectedVersion, StaffActor actor, CancellationToken ct)
    {
        var article = await db.Articles.Include(a => a.ArticleTags).ThenInclude(t => t.Tag).Include(a => a.PinnedRelated).AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return ArticleCommits.NotFound();
        }

        var decision = ArticleWorkflow.Decide(article.Status, ArticleAction.Edit, actor.Role, article.CreatedById == actor.UserId);
        if (!decision.IsAllowed)
        {
            return ArticleCommits.Refused(decision);
        }

        if (!IsEditor(actor))
        {
            draft = draft with
            {
                ExpiresAtUtc = article.ExpiresAtUtc, IsFeatured = article.IsFeatured, FeaturedOrder = article.FeaturedOrder,
                PinnedRelatedIds = article.PinnedRelated.OrderBy(p => p.Position).Select(p => p.PinnedArticleId).ToList(), CorrectionNote = article.CorrectionNote,
            };
        }

        if (await CheckAsync(draft, article, ct) is { Succeeded: false } problem)
        {
            return Result<ArticleSaved>.From(problem);
        }

        if (article.Version != expectedVersion)
        {
            return await commits.ConflictAsync(article, ct);
        }

        if (article.Status == ArticleStatus.Scheduled && draft.PublishAtUtc is null)
        {
            return Result<ArticleSaved>.From(Result.Invalid("Bài đang hẹn giờ cần có thời điểm xuất bản; muốn bỏ hẹn giờ thì bấm “Trả lại” hoặc “Gỡ bài”."));
        }

        var before = ArticleDraftApplier.Fingerprint(article);
        var textBefore = ArticleDraftApplier.ReadableText(article);
        var removed = await applier.ApplyAsync(article, draft, isNew: false, ct);
        var refused = article.Status is ArticleStatus.Submitted or ArticleStatus.Scheduled or ArticleStatus.Published
            ? TextRules.BodyProblem(article.BodyHtml) : null;
        refused ??= ApplyCorrection(article, draft.CorrectionNote, textBefore);
        if (refused is not null)
        {
            // Checked on the sanitized body; nothing applied is saved.
            db.ChangeTracker.Clear();
            return Result<ArticleSaved>.From(Result.Invalid(refused));
        }
        if (ArticleDraftApplier.Fingerprint(article) == before && !db.ChangeTracker.Entries<ArticleSlugHistory>().Any(e => e.State == EntityState.Added))
        {
            return new ArticleSaved(article.Id, article.Version, Unchanged: true, Removed: removed);
        }

        commits.BumpVersion(article, expectedVersion);
        AddRevision(article, actor);
        var notice = (ArticleChangeNotice?)null;
        if (article.Status == ArticleStatus.Published)
        {
            notice = commits.AddContentChange(article, ContentChangeKind.Upserted, "edited");
            audit.Add(actor.UserName, AuditActions.ArticlePublishedEdited, nameof(Article), article.Id.ToString(CultureInfo.InvariantCulture), article.Title);
        }

        var saved = await commits.SaveAsync(article, notice, ct);
        if (saved.Succeeded)
        {
            logger.LogInformation("Article {ArticleId} saved by {UserName}", article.Id, actor.UserName);
            return saved.Value! with { Removed = removed };
        }

        return saved;
    }

    private static bool IsEditor(StaffActor actor) => Users.Roles.Rank(actor.Role) >= Users.Roles.Rank(Users.Roles.Editor);

    /// <summary>The draft's rules, and an expiry set to a time already past: that would be "Gỡ bài", not an expiry (an
    /// article that expired keeps its past time on later saves).</summary>
    private async Task<Result> CheckAsync(ArticleDraft draft, Article? article, CancellationToken ct)
    {
        if (await validator.ValidateAsync(draft, article?.Id, ct) is { Succeeded: false } problem)
        {
            return problem;
        }

        return draft.ExpiresAtUtc is { } expires && expires != article?.ExpiresAtUtc && expires <= commits.Now
            ? Result.Invalid("Thời điểm hết hạn đã qua: hãy chọn một thời điểm ở tương lai (muốn gỡ bài ngay thì bấm “Gỡ bài”).")
            : Result.Ok;
    }

    /// <summary>Đính chính on a published article: a real change of its text (<see cref="ArticleDraftApplier.ReadableText"/>)
    /// stamps "Cập nhật lúc" and takes the note; a note without such a change is refused (it would claim a correction
    /// that did not happen), while clearing it is allowed. Returns the refusal, or null.</summary>
    private string? ApplyCorrection(Article article, string? note, string textBefore)
    {
        if (article.Status != ArticleStatus.Published)
        {
            return null;
        }

        var text = TextRules.Line(note) is { Length: > 0 } line ? line : null;
        if (text is { Length: > Article.CorrectionNoteMaxLength })
        {
            return $"Ghi chú đính chính tối đa {Article.CorrectionNoteMaxLength} ký tự.";
        }

        if (ArticleDraftApplier.ReadableText(article) != textBefore)
        {
            article.CorrectedAtUtc = commits.Now;
            article.CorrectionNote = text;
            return null;
        }

        if (text is not null && text != article.CorrectionNote)
        {
            return "Chỉ ghi “Đính chính” khi sửa tiêu đề, sapo hoặc nội dung của bài đã xuất bản; lần lưu này không thay đổi chữ nào của bài.";
        }

        article.CorrectionNote = text;
        return null;
    }

    private void AddRevision(Article article, StaffActor actor) =>
        db.ArticleRevisions.Add(RevisionSnapshot.Take(article, article.ArticleTags.Select(t => t.Tag.Name), actor.UserName, commits.Now));
}
