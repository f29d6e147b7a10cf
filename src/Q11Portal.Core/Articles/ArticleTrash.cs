using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Users;

namespace Q11Portal.Core.Articles;

public sealed record TrashItem(int Id, string Title, string Slug, ArticleStatus FromStatus, DateTime TrashedAtUtc, string? TrashedBy,
    DateTime PurgeAtUtc, string CategoryName, Guid Version);

public sealed record TrashPage(IReadOnlyList<TrashItem> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => Paging.PageCount(TotalCount, PageSize);
}

/// <summary>Thùng rác: what <see cref="NewsroomWorkflow.DeleteAsync"/> leaves. Editors list and restore; only admins
/// purge (one, or the whole trash); <see cref="PurgeExpiredAsync"/> purges what has been there
/// <see cref="RetentionDays"/> days. A purge keeps the article's title, address, who deleted it and who purged it in the
/// audit log, so nothing published in the committee's name disappears without a trace.</summary>
public sealed class ArticleTrash(PortalDbContext db, ArticleCommits commits, AuditLog audit, ILogger<ArticleTrash> logger)
{
    public const int RetentionDays = 30;
    public const string PurgeActorName = "hệ thống (thùng rác)";
    private const int PageSize = 30;

    /// <summary>An article as the audit log keeps it: title and public address.</summary>
    public static string Describe(Article article) => $"{article.Title} (/tin-tuc/{article.Slug})";

    public async Task<TrashPage> ListAsync(int page, CancellationToken ct)
    {
        var trashed = db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Trashed);
        var total = await trashed.CountAsync(ct);
        page = Paging.Clamp(page, total, PageSize);
        var rows = await trashed.OrderByDescending(a => a.TrashedAtUtc).ThenByDescending(a => a.Id)
            .Skip(Paging.Skip(page, PageSize)).Take(PageSize)
            .Select(a => new { a.Id, a.Title, a.Slug, a.TrashedFromStatus, a.TrashedAtUtc, a.TrashedBy, CategoryName = a.Category.Name, a.Version })
            .ToListAsync(ct);
        var items = rows.Select(r => new TrashItem(r.Id, r.Title, r.Slug, RestoreTarget(r.TrashedFromStatus), r.TrashedAtUtc ?? DateTime.MinValue,
            r.TrashedBy, (r.TrashedAtUtc ?? DateTime.MinValue).AddDays(RetentionDays), r.CategoryName, r.Version)).ToList();
        return new TrashPage(items, page, PageSize, total);
    }

    /// <summary>The state a restore returns an article to: the one it was deleted from. Only articles off the public
    /// site can be deleted (Nháp, Trả lại, Đã gỡ), so restoring never makes anything public again; a state that would
    /// (from data written another way) becomes Nháp.</summary>
    public static ArticleStatus RestoreTarget(ArticleStatus? from) =>
        from is ArticleStatus.Draft or ArticleStatus.Returned or ArticleStatus.Unpublished or ArticleStatus.Submitted ? from.Value : ArticleStatus.Draft;

    /// <summary>Khôi phục: out of the trash, back to <see cref="RestoreTarget"/>; editors and admins.</summary>
    public async Task<Result<ArticleSaved>> RestoreAsync(int id, Guid expectedVersion, StaffActor actor, CancellationToken ct)
    {
        if (Roles.Rank(actor.Role) < Roles.Rank(Roles.Editor))
        {
            return Result<ArticleSaved>.From(Result.Forbidden("Chỉ Biên tập viên và Quản trị mới được khôi phục bài từ thùng rác."));
        }

        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id && a.Status == ArticleStatus.Trashed, ct);
        if (article is null)
        {
            return Result<ArticleSaved>.From(Result.NotFound("Bài viết không có trong thùng rác (đã được khôi phục hoặc đã xóa vĩnh viễn)."));
        }

        if (article.Version != expectedVersion)
        {
            return await commits.ConflictAsync(article, ct);
        }

        article.Status = RestoreTarget(article.TrashedFromStatus);
        article.TrashedAtUtc = null;
        article.TrashedFromStatus = null;
        article.TrashedBy = null;
        commits.BumpVersion(article, expectedVersion);
        audit.Add(actor.UserName, AuditActions.ArticleUntrashed, nameof(Article), Id(article.Id),
            $"{Describe(article)} → {ArticleWorkflow.StatusName(article.Status)}");
        return await commits.SaveAsync(article, null, ct);
    }

    /// <summary>Xóa vĩnh viễn: one article from the trash, with its revisions, comments and related rows; admins only.</summary>
    public async Task<Result> PurgeAsync(int id, StaffActor actor, CancellationToken ct)
    {
        if (actor.Role != Roles.Admin)
        {
            return Result.Forbidden("Chỉ Quản trị mới được xóa vĩnh viễn bài viết.");
        }

        return await PurgeOneAsync(id, actor.UserName, ct)
            ? Result.Ok
            : Result.NotFound("Bài viết không có trong thùng rác (đã được khôi phục hoặc đã xóa vĩnh viễn).");
    }

    /// <summary>Dọn sạch thùng rác: purges everything in it; admins only. The value is how many were purged.</summary>
    public async Task<Result<int>> EmptyAsync(StaffActor actor, CancellationToken ct)
    {
        if (actor.Role != Roles.Admin)
        {
            return Result<int>.From(Result.Forbidden("Chỉ Quản trị mới được dọn sạch thùng rác."));
        }

        return await PurgeAllAsync(db.Articles.Where(a => a.Status == ArticleStatus.Trashed), actor.UserName, ct);
    }

    /// <summary>The retention job's round: purges what has been in the trash <see cref="RetentionDays"/> days.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken ct)
    {
        var cutoff = commits.Now.AddDays(-RetentionDays);
        return await PurgeAllAsync(db.Articles.Where(a => a.Status == ArticleStatus.Trashed && a.TrashedAtUtc <= cutoff), PurgeActorName, ct);
    }

    private async Task<int> PurgeAllAsync(IQueryable<Article> articles, string actorName, CancellationToken ct)
    {
        var ids = await articles.OrderBy(a => a.Id).Select(a => a.Id).Take(500).ToListAsync(ct);
        var purged = 0;
        foreach (var id in ids)
        {
            purged += await PurgeOneAsync(id, actorName, ct) ? 1 : 0;
        }

        return purged;
    }

    /// <summary>False when the article is no longer in the trash (restored or purged meanwhile, here or on another node).</summary>
    private async Task<bool> PurgeOneAsync(int id, string actorName, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id && a.Status == ArticleStatus.Trashed, ct);
        if (article is null)
        {
            return false;
        }

        var details = $"{Describe(article)}; xóa lúc {LocalTime.ToLocal(article.TrashedAtUtc ?? commits.Now):HH:mm dd/MM/yyyy} bởi {article.TrashedBy ?? "không rõ"}";
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                // Comment replies point at each other with a restricting key; detach them before the cascade.
                await db.Comments.Where(c => c.ArticleId == id && c.ParentId != null).ExecuteUpdateAsync(s => s.SetProperty(c => c.ParentId, (int?)null), ct);
                await db.RelatedArticles.Where(r => r.RelatedArticleId == id || r.ArticleId == id).ExecuteDeleteAsync(ct);
                await db.PinnedRelatedArticles.Where(r => r.PinnedArticleId == id || r.ArticleId == id).ExecuteDeleteAsync(ct);
                // The version read above: a restore that raced in makes this delete fail instead of losing the article.
                db.Articles.Remove(article);
                db.ContentChanges.Add(new ContentChange { ContentKind = ContentKind.Article, EntityId = id, Kind = ContentChangeKind.Removed, AtUtc = commits.Now });
                audit.Add(actorName, AuditActions.ArticlePurged, nameof(Article), Id(id), details);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }

        logger.LogInformation("Article {ArticleId} purged from the trash by {UserName}", id, actorName);
        return true;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
