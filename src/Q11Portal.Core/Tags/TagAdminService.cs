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

/// <summary>Editors' tag management: rename (the slug follows) and merge one tag into another, moving every article
/// link. Methods return a Vietnamese error or null; every change is audited.</summary>
public sealed class TagAdminService(PortalDbContext db, AuditLog audit)
{
    public const int NameMaxLength = 100;

    public async Task<TagPage> ListAsync(string? query, int page, int pageSize, CancellationToken ct)
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
        var items = await tags.OrderBy(t => t.Slug)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(t => new TagRow(t.Id, t.Name, t.Slug, db.ArticleTags.Count(x => x.TagId == t.Id)))
            .ToListAsync(ct);
        return new TagPage(items, total, page, pageSize);
    }

    public Task<TagRow?> FindAsync(int id, CancellationToken ct) =>
        db.Tags.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new TagRow(t.Id, t.Name, t.Slug, db.ArticleTags.Count(x => x.TagId == t.Id)))
            .SingleOrDefaultAsync(ct);

    public async Task<string?> RenameAsync(int id, string? name, string? userName, CancellationToken ct)
    {
        var tag = await db.Tags.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (tag is null)
        {
            return NotFound;
        }

        var cleanName = VietnameseText.Label(name);
        var slug = Slug.From(cleanName);
        if (cleanName.Length == 0 || slug.Length == 0)
        {
            return "Vui lòng nhập tên từ khóa (có ít nhất một chữ cái hoặc chữ số).";
        }

        if (cleanName.Length > NameMaxLength)
        {
            return $"Tên từ khóa dài tối đa {NameMaxLength} ký tự.";
        }

        if (await db.Tags.Where(t => t.Slug == slug && t.Id != id).Select(t => t.Name).FirstOrDefaultAsync(ct) is { } other)
        {
            return $"Đã có từ khóa “{other}” với cùng đường dẫn; hãy dùng chức năng gộp từ khóa thay vì đổi tên.";
        }

        audit.Add(userName, AuditActions.TagRenamed, nameof(Tag), id.ToString(), $"“{tag.Name}” → “{cleanName}”");
        tag.Name = cleanName;
        tag.Slug = slug;
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Moves every article of <paramref name="sourceId"/> to <paramref name="targetId"/> (articles that had both
    /// keep one link) and deletes the source tag, in one transaction.</summary>
    public async Task<string?> MergeAsync(int sourceId, int targetId, string? userName, CancellationToken ct)
    {
        if (sourceId == targetId)
        {
            return "Hãy chọn hai từ khóa khác nhau để gộp.";
        }

        var source = await db.Tags.SingleOrDefaultAsync(t => t.Id == sourceId, ct);
        var target = await db.Tags.SingleOrDefaultAsync(t => t.Id == targetId, ct);
        if (source is null || target is null)
        {
            return NotFound;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var links = await db.ArticleTags.Where(x => x.TagId == sourceId).ToListAsync(ct);
            var already = (await db.ArticleTags.Where(x => x.TagId == targetId).Select(x => x.ArticleId).ToListAsync(ct)).ToHashSet();
            db.ArticleTags.RemoveRange(links);
            var toAdd = links.Where(l => !already.Contains(l.ArticleId)).Select(l => new ArticleTag { ArticleId = l.ArticleId, TagId = targetId }).ToList();
            db.ArticleTags.AddRange(toAdd);
            db.Tags.Remove(source);
            audit.Add(userName, AuditActions.TagMerged, nameof(Tag), targetId.ToString(), $"“{source.Name}” gộp vào “{target.Name}” ({links.Count} bài)");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        return null;
    }

    public async Task<string?> DeleteAsync(int id, string? userName, CancellationToken ct)
    {
        var tag = await db.Tags.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (tag is null)
        {
            return NotFound;
        }

        db.ArticleTags.RemoveRange(await db.ArticleTags.Where(x => x.TagId == id).ToListAsync(ct));
        db.Tags.Remove(tag);
        audit.Add(userName, AuditActions.TagDeleted, nameof(Tag), id.ToString(), tag.Name);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private const string NotFound = "Không tìm thấy từ khóa này; có thể đã bị xóa hoặc gộp.";
}
