using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Articles;

/// <summary>The newsroom's article list: every state but the trash (<see cref="ArticleTrash"/>, unless asked for),
/// filtered by status, category, author and title, newest change first.</summary>
public sealed class ArticleListQuery(PortalDbContext db)
{
    public async Task<ArticleListResult> ListAsync(ArticleListFilter filter, CancellationToken ct)
    {
        var query = db.Articles.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }
        else
        {
            query = query.Where(a => a.Status != ArticleStatus.Trashed);
        }

        if (filter.CategoryId is { } categoryId)
        {
            query = query.Where(a => a.CategoryId == categoryId);
        }

        if (!string.IsNullOrEmpty(filter.AuthorId))
        {
            query = query.Where(a => a.CreatedById == filter.AuthorId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            // Slugs are the folded title: a search without marks ("dai hoi") finds "Đại hội".
            var folded = Slug.From(filter.Query);
            var exact = VietnameseText.Nfc(filter.Query).Trim();
            query = query.Where(a => a.Title.Contains(exact) || (folded.Length > 0 && a.Slug.Contains(folded)));
        }

        var pageSize = Math.Clamp(filter.PageSize, 5, 100);
        var total = await query.CountAsync(ct);
        var page = Paging.Clamp(filter.Page, total, pageSize);
        var items = await ItemsAsync(query.OrderByDescending(a => a.UpdatedAtUtc).ThenByDescending(a => a.Id).Skip(Paging.Skip(page, pageSize)).Take(pageSize), ct);
        return new ArticleListResult(items, page, pageSize, total);
    }

    /// <summary>The given articles in the given order (missing ones left out): the editor's pinned related articles.</summary>
    public async Task<IReadOnlyList<ArticleListItem>> ByIdsAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        var items = await ItemsAsync(db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)), ct);
        return ids.Select(id => items.FirstOrDefault(i => i.Id == id)).OfType<ArticleListItem>().ToList();
    }

    private async Task<List<ArticleListItem>> ItemsAsync(IQueryable<Article> query, CancellationToken ct)
    {
        var rows = await query
            .Select(a => new
            {
                a.Id, a.Title, a.Slug, a.Status, CategoryName = a.Category.Name, a.CreatedById, a.UpdatedAtUtc, a.PublishedAtUtc, a.ViewCount,
            })
            .ToListAsync(ct);
        var authorIds = rows.Select(r => r.CreatedById).OfType<string>().Distinct().ToList();
        var authors = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var items = rows.Select(r => new ArticleListItem(r.Id, r.Title, r.Slug, r.Status, r.CategoryName,
            r.CreatedById is not null && authors.TryGetValue(r.CreatedById, out var name) ? name : null,
            r.UpdatedAtUtc, r.PublishedAtUtc, r.ViewCount)).ToList();
        return items;
    }
}
