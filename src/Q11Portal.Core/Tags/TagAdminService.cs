using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Tags;

public sealed record TagRow(int Id, string Name, string Slug, int ArticleCount);

public sealed record TagPage(IReadOnlyList<TagRow> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>How the tag list is ordered.</summary>
public enum TagOrder
{
    Name = 0,
    MostUsed = 1,
    LeastUsed = 2,
}

/// <summary>Editors' tag management: rename (the slug follows, the old one redirects), merge several tags into one
/// (moving every article link without duplicates) and delete. Every command answers with a <see cref="Result"/>; every
/// change is audited and queues the affected articles for re-indexing.</summary>
public sealed class TagAdminService(PortalDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int NameMaxLength = 100;

    private static readonly Result Missing = Result.NotFound("Không tìm thấy từ khóa này; có thể đã bị xóa hoặc gộp.");

    public async Task<TagPage> ListAsync(string? query, TagOrder order, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 5, 200);
        var tags = db.Tags.AsNoTracking();
        var folded = Slug.From(query);
        if (folded.Length > 0)
        {
            tags = tags.Where(t => t.Slug.Contains(folded));
        }

        var total = await tags.CountAsync(ct);
        page = Paging.Clamp(page, total, pageSize);
        var rows = tags.Select(t => new { t.Id, t.Name, t.Slug, Count = db.ArticleTags.Count(x => x.TagId == t.Id) });
        rows = order switch
        {
            TagOrder.MostUsed => rows.OrderByDescending(t => t.Count).ThenBy(t => t.Slug),
            TagOrder.LeastUsed => rows.OrderBy(t => t.Count).ThenBy(t => t.Slug),
            _ => rows.OrderBy(t => t.Slug),
        };
        var items = await rows.Skip(Paging.Skip(page, pageSize)).Take(pageSize)
            .Select(t => new TagRow(t.Id, t.Name, t.Slug, t.Count))
            .ToListAsync(ct);
        return new TagPage(items, total, page, pageSize);
    }

    public Task<TagPage> ListAsync(string? query, int page, int pageSize, CancellationToken ct) =>
        ListAsync(query, TagOrder.Name, page, pageSize, ct);

    public Task<TagRow?> FindAsync(int id, CancellationToken ct) =>
        db.Tags.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new TagRow(t.Id, t.Name, t.Slug, db.ArticleTags.Count(x => x.TagId == t.Id)))
            .SingleOrDefaultAsync(ct);

    /// <summary>The tag whose slug the typed name folds to ("Chỉ Thị 05" finds chi-thi-05); null when none.</summary>
    public async Task<TagRow?> FindByNameAsync(string? name, CancellationToken ct)
    {
        var slug = Slug.From(name);
        return slug.Length == 0 ? null : await FindBySlugAsync(slug, null, ct);
    }

    public async Task<IReadOnlyList<TagRow>> FindManyAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().Take(200).ToList();
        return await db.Tags.AsNoTracking().Where(t => wanted.Contains(t.Id)).OrderBy(t => t.Slug)
            .Select(t => new TagRow(t.Id, t.Name, t.Slug, db.ArticleTags.Count(x => x.TagId == t.Id)))
            .ToListAsync(ct);
    }

    /// <summary>The slugs the tag (or tags merged into it) had before, newest first; they redirect to it.</summary>
    public Task<List<string>> OldSlugsAsync(int id, CancellationToken ct) =>
        db.TagSlugHistory.AsNoTracking().Where(h => h.TagId == id)
            .OrderByDescending(h => h.RetiredAtUtc).ThenByDescending(h => h.Id).Select(h => h.Slug).ToListAsync(ct);

    /// <summary>Renames a tag; its slug follows the name. The value is the tag as renamed. When another tag already
    /// has that slug the outcome is <see cref="Outcome.Conflict"/> and the value is that other tag, so the editor can
    /// merge instead.</summary>
    public async Task<Result<TagRow>> RenameAsync(int id, string? name, string? userName, CancellationToken ct)
    {
        var tag = await db.Tags.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (tag is null)
        {
            return Result<TagRow>.From(Missing);
        }

        var cleanName = VietnameseText.Label(name);
        var slug = Slug.From(cleanName);
        if (cleanName.Length == 0 || slug.Length == 0)
        {
            return Result<TagRow>.From(Result.Invalid("Vui lòng nhập tên từ khóa (có ít nhất một chữ cái hoặc chữ số)."));
        }

        if (cleanName.Length > NameMaxLength)
        {
            return Result<TagRow>.From(Result.Invalid($"Tên từ khóa dài tối đa {NameMaxLength} ký tự."));
        }

        var other = await FindBySlugAsync(slug, id, ct);
        if (other is not null)
        {
            return Result<TagRow>.From(
                Result.Conflict($"Đã có từ khóa “{other.Name}” với cùng đường dẫn /tu-khoa/{other.Slug}; hãy gộp “{tag.Name}” vào từ khóa đó thay vì đổi tên."), other);
        }

        if (tag.Name == cleanName)
        {
            return (await FindAsync(id, ct))!;
        }

        audit.Add(userName, AuditActions.TagRenamed, nameof(Tag), id.ToString(), $"“{tag.Name}” → “{cleanName}”");
        ContentChangeLog.Record(db, ContentKind.Tag, id, clock);
        if (tag.Slug != slug)
        {
            await RetireSlugsAsync([tag.Slug], tag.Id, slug, ct);
        }

        tag.Name = cleanName;
        tag.Slug = slug;
        await ContentChangeLog.RecordArticlesAsync(db, db.ArticleTags.Where(x => x.TagId == id).Select(x => x.ArticleId), clock, ct);
        await db.SaveChangesAsync(ct);
        return (await FindAsync(id, ct))!;
    }

    public Task<Result> MergeAsync(int sourceId, int targetId, string? userName, CancellationToken ct) =>
        MergeAsync([sourceId], targetId, userName, ct);

    /// <summary>Moves every article of the <paramref name="sourceIds"/> tags to <paramref name="targetId"/> (an article
    /// that had several of them keeps one link) and deletes the sources, in one transaction. Their slugs redirect to
    /// the target from then on. A tag of the selection that no longer exists makes it <see cref="Outcome.NotFound"/>.</summary>
    public async Task<Result> MergeAsync(IReadOnlyCollection<int> sourceIds, int targetId, string? userName, CancellationToken ct)
    {
        var ids = sourceIds.Where(id => id != targetId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return Result.Invalid("Hãy chọn ít nhất hai từ khóa khác nhau để gộp.");
        }

        if (ids.Count > 200)
        {
            return Result.Invalid("Mỗi lần chỉ gộp được tối đa 200 từ khóa.");
        }

        var target = await db.Tags.SingleOrDefaultAsync(t => t.Id == targetId, ct);
        var sources = await db.Tags.Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        if (target is null || sources.Count != ids.Count)
        {
            return Missing;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var links = await db.ArticleTags.Where(x => ids.Contains(x.TagId)).ToListAsync(ct);
            var already = (await db.ArticleTags.Where(x => x.TagId == targetId).Select(x => x.ArticleId).ToListAsync(ct)).ToHashSet();
            db.ArticleTags.RemoveRange(links);
            var moved = links.Select(l => l.ArticleId).Where(already.Add).ToList();
            db.ArticleTags.AddRange(moved.Select(articleId => new ArticleTag { ArticleId = articleId, TagId = targetId }));
            var articleIds = links.Select(l => l.ArticleId).Distinct().ToList();
            await ContentChangeLog.RecordArticlesAsync(db, db.Articles.Where(a => articleIds.Contains(a.Id)).Select(a => a.Id), clock, ct);

            // Links to a merged tag (and to its own old slugs) now lead to the target.
            foreach (var history in await db.TagSlugHistory.Where(h => ids.Contains(h.TagId)).ToListAsync(ct))
            {
                history.TagId = targetId;
            }

            await RetireSlugsAsync(sources.Select(s => s.Slug), targetId, target.Slug, ct);
            db.Tags.RemoveRange(sources);
            audit.Add(userName, AuditActions.TagMerged, nameof(Tag), targetId.ToString(),
                $"{string.Join(", ", sources.Select(s => $"“{s.Name}”"))} gộp vào “{target.Name}” ({articleIds.Count} bài)");
            ContentChangeLog.Record(db, ContentKind.Tag, targetId, clock);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        return Result.Ok;
    }

    public async Task<Result> DeleteAsync(int id, string? userName, CancellationToken ct)
    {
        var tag = await db.Tags.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (tag is null)
        {
            return Missing;
        }

        var links = await db.ArticleTags.Where(x => x.TagId == id).ToListAsync(ct);
        await ContentChangeLog.RecordArticlesAsync(db, db.ArticleTags.Where(x => x.TagId == id).Select(x => x.ArticleId), clock, ct);
        db.ArticleTags.RemoveRange(links);
        db.Tags.Remove(tag);
        audit.Add(userName, AuditActions.TagDeleted, nameof(Tag), id.ToString(), $"{tag.Name} ({links.Count} bài)");
        ContentChangeLog.Record(db, ContentKind.Tag, id, clock, ContentChangeKind.Removed);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    private Task<TagRow?> FindBySlugAsync(string slug, int? exceptId, CancellationToken ct) =>
        db.Tags.AsNoTracking().Where(t => t.Slug == slug && t.Id != exceptId)
            .Select(t => new TagRow(t.Id, t.Name, t.Slug, db.ArticleTags.Count(x => x.TagId == t.Id)))
            .FirstOrDefaultAsync(ct);

    /// <summary>Records <paramref name="oldSlugs"/> as redirects to tag <paramref name="tagId"/>; its current slug
    /// <paramref name="liveSlug"/> stops being anyone's old slug.</summary>
    private async Task RetireSlugsAsync(IEnumerable<string> oldSlugs, int tagId, string liveSlug, CancellationToken ct)
    {
        var slugs = oldSlugs.Where(s => s != liveSlug).Distinct().ToList();
        var rows = await db.TagSlugHistory.Where(h => h.Slug == liveSlug || slugs.Contains(h.Slug)).ToListAsync(ct);
        db.TagSlugHistory.RemoveRange(rows.Where(h => h.Slug == liveSlug));
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var slug in slugs)
        {
            if (rows.FirstOrDefault(h => h.Slug == slug) is { } existing)
            {
                existing.TagId = tagId;
                existing.RetiredAtUtc = now;
            }
            else
            {
                db.TagSlugHistory.Add(new TagSlugHistory { Slug = slug, TagId = tagId, RetiredAtUtc = now });
            }
        }
    }
}
