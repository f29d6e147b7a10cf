using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Articles;

/// <summary>How every newsroom write ends: optimistic concurrency on <see cref="Article.Version"/>, the
/// <see cref="ContentChange"/> row for public changes, the save, and the change handlers after the commit.</summary>
public sealed class ArticleCommits(PortalDbContext db, TimeProvider clock, ArticleChangeNotifier notifier, ILogger<ArticleCommits> logger)
{
    public const string NotFoundMessage = "Bài viết không tồn tại hoặc đã bị xóa.";

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static Result<ArticleSaved> NotFound() => Result<ArticleSaved>.From(Result.NotFound(NotFoundMessage));

    /// <summary>The workflow's refusal as a result: 403 for the role or authorship, 400 for the article's state.</summary>
    public static Result<ArticleSaved> Refused(WorkflowDecision decision) => Result<ArticleSaved>.From(
        decision.Outcome == WorkflowOutcome.Forbidden ? Result.Forbidden(decision.Message!) : Result.Invalid(decision.Message!));

    public void BumpVersion(Article article, Guid expectedVersion)
    {
        // The UPDATE's WHERE carries the version the form saw, so a save that raced past the check above fails too.
        db.Entry(article).Property(a => a.Version).OriginalValue = expectedVersion;
        article.Version = Guid.NewGuid();
        article.UpdatedAtUtc = Now;
    }

    /// <summary>Appends the change to what the public sees (saved with the article) and returns the notice for after.</summary>
    public ArticleChangeNotice AddContentChange(Article article, ContentChangeKind kind, string reason)
    {
        db.ContentChanges.Add(new ContentChange { ContentKind = ContentKind.Article, EntityId = article.Id, Kind = kind, AtUtc = Now });
        return new ArticleChangeNotice(article.Id, kind, article.Status, reason);
    }

    /// <summary>Saves; a save that lost a race with someone else's answers Conflict and changes nothing. On success the
    /// change handlers hear of <paramref name="notice"/>.</summary>
    public async Task<Result<ArticleSaved>> SaveAsync(Article article, ArticleChangeNotice? notice, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            logger.LogWarning(ex, "Concurrent save of an article");
            db.ChangeTracker.Clear();
            var current = await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == article.Id, ct);
            return current is null ? NotFound() : await ConflictAsync(current, ct);
        }

        await notifier.NotifyAsync(notice, ct);
        return new ArticleSaved(article.Id, article.Version);
    }

    /// <summary>Conflict with who saved last and when; the value carries the current version.</summary>
    public async Task<Result<ArticleSaved>> ConflictAsync(Article current, CancellationToken ct)
    {
        var last = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == current.Id)
            .OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new { r.UserName, r.CreatedAtUtc }).FirstOrDefaultAsync(ct);
        var conflict = new ConcurrentSave(last?.UserName, current.UpdatedAtUtc, current.Title, current.Version);
        var who = conflict.UserName ?? "một người khác";
        return new Result<ArticleSaved>(Outcome.Conflict, new ArticleSaved(current.Id, current.Version, Conflict: conflict),
            $"Bài viết vừa được {who} lưu lúc {LocalTime.ToLocal(conflict.AtUtc):HH:mm:ss dd/MM/yyyy}, sau khi bạn mở trang này.");
    }
}
