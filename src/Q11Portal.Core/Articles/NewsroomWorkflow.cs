using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Articles;

/// <summary>The newsroom's steps, one named operation each: submit, withdraw, return to the reporter, publish, schedule,
/// unpublish, delete. Who may take which step from which state is <see cref="ArticleWorkflow"/>'s table; every step
/// checks the version the person saw, and a step that changes what the public sees appends a
/// <see cref="ContentChange"/> in the same transaction and then tells the change handlers.</summary>
public sealed class NewsroomWorkflow(
    PortalDbContext db,
    ArticleCommits commits,
    ArticleChangeNotifier notifier,
    AuditLog audit,
    ILogger<NewsroomWorkflow> logger)
{
    public const int MaxReasonLength = 2000;

    /// <summary>Gửi duyệt: the draft goes to the editors.</summary>
    public Task<Result<ArticleSaved>> SubmitAsync(int id, Guid expectedVersion, StaffActor actor, CancellationToken ct) =>
        StepAsync(id, ArticleAction.Submit, expectedVersion, actor, ct, article =>
        {
            audit.Add(actor.UserName, AuditActions.ArticleSubmitted, nameof(Article), Id(article), article.Title);
            return Step.Done();
        });

    /// <summary>Rút lại: the author takes a submitted article back to draft.</summary>
    public Task<Result<ArticleSaved>> WithdrawAsync(int id, Guid expectedVersion, StaffActor actor, CancellationToken ct) =>
        StepAsync(id, ArticleAction.Withdraw, expectedVersion, actor, ct, _ => Step.Done());

    /// <summary>Trả lại: back to the reporter with the reason (required), shown above their form.</summary>
    public Task<Result<ArticleSaved>> ReturnToReporterAsync(int id, Guid expectedVersion, StaffActor actor, string? reason, CancellationToken ct)
    {
        var text = VietnameseText.Nfc(reason).Trim();
        return StepAsync(id, ArticleAction.Return, expectedVersion, actor, ct, article =>
        {
            if (ReasonProblem(text) is { } problem)
            {
                return Step.Refused(problem);
            }

            article.ReturnReason = text;
            audit.Add(actor.UserName, AuditActions.ArticleReturned, nameof(Article), Id(article), $"{article.Title}: {text}");
            return Step.Done();
        });
    }

    /// <summary>Xuất bản now, or at <paramref name="publishAtUtc"/> when that is in the past (a back-dated article);
    /// a future time is refused (that is <see cref="ScheduleAsync"/>).</summary>
    public Task<Result<ArticleSaved>> PublishAsync(int id, Guid expectedVersion, StaffActor actor, DateTime? publishAtUtc, CancellationToken ct) =>
        StepAsync(id, ArticleAction.Publish, expectedVersion, actor, ct, article =>
        {
            var now = commits.Now;
            if (publishAtUtc is { } at && at > now.AddMinutes(1))
            {
                return Step.Refused("Thời điểm xuất bản ở tương lai: hãy dùng “Hẹn giờ xuất bản”.");
            }

            article.PublishedAtUtc = publishAtUtc ?? now;
            article.ReturnReason = null;
            audit.Add(actor.UserName, AuditActions.ArticlePublished, nameof(Article), Id(article), article.Title);
            return Step.Done(ContentChangeKind.Upserted, "published");
        });

    /// <summary>Hẹn giờ: <see cref="ScheduledPublishing"/> publishes it at <paramref name="publishAtUtc"/> (future).
    /// A published article rescheduled leaves the public site until then.</summary>
    public Task<Result<ArticleSaved>> ScheduleAsync(int id, Guid expectedVersion, StaffActor actor, DateTime? publishAtUtc, CancellationToken ct) =>
        StepAsync(id, ArticleAction.Schedule, expectedVersion, actor, ct, article =>
        {
            if (publishAtUtc is not { } when || when <= commits.Now)
            {
                return Step.Refused("Hãy chọn thời điểm xuất bản ở tương lai để hẹn giờ.");
            }

            var wasPublic = article.Status == ArticleStatus.Published;
            article.PublishedAtUtc = when;
            article.ReturnReason = null;
            audit.Add(actor.UserName, AuditActions.ArticleScheduled, nameof(Article), Id(article), $"{article.Title}: {LocalTime.ToLocal(when):HH:mm dd/MM/yyyy}");
            return wasPublic ? Step.Done(ContentChangeKind.Removed, "rescheduled") : Step.Done();
        });

    /// <summary>Gỡ bài: off the public site, kept in the newsroom; the optional reason goes to the audit log.</summary>
    public Task<Result<ArticleSaved>> UnpublishAsync(int id, Guid expectedVersion, StaffActor actor, string? reason, CancellationToken ct)
    {
        var text = VietnameseText.Nfc(reason).Trim();
        return StepAsync(id, ArticleAction.Unpublish, expectedVersion, actor, ct, article =>
        {
            audit.Add(actor.UserName, AuditActions.ArticleUnpublished, nameof(Article), Id(article), text.Length > 0 ? $"{article.Title}: {text}" : article.Title);
            return Step.Done(ContentChangeKind.Removed, "unpublished");
        });
    }

    /// <summary>Xóa: removed for good with its revisions and comments (never while public).</summary>
    public async Task<Result> DeleteAsync(int id, Guid expectedVersion, StaffActor actor, CancellationToken ct)
    {
        var (article, _, refused) = await LoadAsync(id, ArticleAction.Delete, expectedVersion, actor, ct);
        if (article is null)
        {
            return refused!;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Comment replies point at each other with a restricting key; detach them before the cascade.
            await db.Comments.Where(c => c.ArticleId == id && c.ParentId != null).ExecuteUpdateAsync(s => s.SetProperty(c => c.ParentId, (int?)null), ct);
            await db.RelatedArticles.Where(r => r.RelatedArticleId == id || r.ArticleId == id).ExecuteDeleteAsync(ct);
            db.Entry(article).Property(a => a.Version).OriginalValue = expectedVersion;
            db.Articles.Remove(article);
            db.ContentChanges.Add(new ContentChange { ContentKind = ContentKind.Article, EntityId = id, Kind = ContentChangeKind.Removed, AtUtc = commits.Now });
            audit.Add(actor.UserName, AuditActions.ArticleDeleted, nameof(Article), Id(article), article.Title);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        logger.LogInformation("Article {ArticleId} deleted by {UserName}", id, actor.UserName);
        await notifier.NotifyAsync(new ArticleChangeNotice(id, ContentChangeKind.Removed, article.Status, "deleted"), ct);
        return Result.Ok;
    }

    /// <summary>Why a return reason is refused, or null; the same rule the admin form checks before posting.</summary>
    public static string? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "Hãy ghi lý do trả lại để phóng viên biết cần sửa gì."
        : reason.Trim().Length > MaxReasonLength ? $"Lý do trả lại tối đa {MaxReasonLength} ký tự."
        : null;

    /// <summary>Loads the article and checks the table and the version; on a refusal the article is null.</summary>
    private async Task<(Article? Article, ArticleStatus NewStatus, Result<ArticleSaved>? Refused)> LoadAsync(
        int id, ArticleAction action, Guid expectedVersion, StaffActor actor, CancellationToken ct)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return (null, default, ArticleCommits.NotFound());
        }

        var decision = ArticleWorkflow.Decide(article.Status, action, actor.Role, article.CreatedById == actor.UserId);
        if (!decision.IsAllowed)
        {
            return (null, default, ArticleCommits.Refused(decision));
        }

        return article.Version != expectedVersion
            ? (null, default, await commits.ConflictAsync(article, ct))
            : (article, decision.NewStatus!.Value, null);
    }

    private async Task<Result<ArticleSaved>> StepAsync(int id, ArticleAction action, Guid expectedVersion, StaffActor actor, CancellationToken ct,
        Func<Article, Step> apply)
    {
        var (article, to, refused) = await LoadAsync(id, action, expectedVersion, actor, ct);
        if (article is null)
        {
            return refused!;
        }

        // Only a body with something to read may go towards the public (drafts may stay empty while being written).
        if (action is ArticleAction.Submit or ArticleAction.Publish or ArticleAction.Schedule && TextRules.BodyProblem(article.BodyHtml) is { } empty)
        {
            return Result<ArticleSaved>.From(Result.Invalid(empty));
        }

        var from = article.Status;
        var step = apply(article);
        if (step.Problem is not null)
        {
            return Result<ArticleSaved>.From(Result.Invalid(step.Problem));
        }

        article.Status = to;
        commits.BumpVersion(article, expectedVersion);
        var notice = step.Change is { } kind ? commits.AddContentChange(article, kind, step.Reason!) : null;
        var saved = await commits.SaveAsync(article, notice, ct);
        if (saved.Succeeded)
        {
            logger.LogInformation("Article {ArticleId} {Action}: {From} -> {To} by {UserName}", article.Id, action, from, article.Status, actor.UserName);
        }

        return saved;
    }

    private static string Id(Article article) => article.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>What a step did to the article: refused with a problem, or done with the public change it makes.</summary>
    private sealed record Step(string? Problem, ContentChangeKind? Change, string? Reason)
    {
        public static Step Done(ContentChangeKind? change = null, string? reason = null) => new(null, change, reason);

        public static Step Refused(string problem) => new(problem, null, null);
    }
}
