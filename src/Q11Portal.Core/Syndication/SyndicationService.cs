using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Syndication;

/// <summary>What feeds and sitemaps publish: only public articles (<see cref="ArticleVisibility.VisibleAt"/>),
/// newest first, projected into small records. URLs and XML are the web host's business.</summary>
public sealed class SyndicationService(PortalDbContext db, TimeProvider clock)
{
    /// <summary>The number of articles a feed carries.</summary>
    public const int FeedSize = 30;

    /// <summary>URLs per sitemap file; the protocol allows 50,000, smaller files are friendlier to crawlers and caches.</summary>
    public const int SitemapPageSize = 10_000;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<Article> Visible() => db.Articles.AsNoTracking().VisibleAt(Now);

    /// <summary>The latest public articles of the whole site, or of one category and its sub-categories.</summary>
    public async Task<IReadOnlyList<FeedEntry>> GetLatestAsync(int? categoryId, int count, CancellationToken ct)
    {
        var query = Visible();
        if (categoryId is { } id)
        {
            query = query.Where(a => a.CategoryId == id || a.Category.ParentId == id);
        }

        return await query
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Take(count)
            .Select(a => new FeedEntry(
                a.Id,
                a.Title,
                a.Slug,
                a.Summary,
                a.PublishedAtUtc!.Value,
                a.UpdatedAtUtc,
                a.Byline,
                a.Category.Name,
                a.Category.Slug,
                a.LeadImage == null ? null : new FeedImage(a.LeadImage.StoredName, a.LeadImage.Widths, a.LeadImage.Width, a.LeadImage.Height)))
            .ToListAsync(ct);
    }

    /// <summary>A category by slug, for the per-category feeds; null when there is none.</summary>
    public Task<FeedCategory?> FindCategoryAsync(string slug, CancellationToken ct) =>
        db.Categories.AsNoTracking()
            .Where(c => c.Slug == slug)
            .Select(c => new FeedCategory(c.Id, c.Name, c.Slug, c.Description))
            .SingleOrDefaultAsync(ct);

    public Task<int> CountPublicArticlesAsync(CancellationToken ct) => Visible().CountAsync(ct);

    /// <summary>When the newest public article was published or changed; null on an empty site.</summary>
    public async Task<DateTime?> LastChangeAsync(CancellationToken ct) =>
        await Visible().MaxAsync(a => (DateTime?)(a.UpdatedAtUtc > a.PublishedAtUtc ? a.UpdatedAtUtc : a.PublishedAtUtc), ct);

    /// <summary>One sitemap file's worth of public articles (0-based <paramref name="page"/>), oldest id first so a
    /// URL stays in the same file as the site grows.</summary>
    public async Task<IReadOnlyList<SitemapEntry>> GetSitemapPageAsync(int page, int pageSize, CancellationToken ct)
    {
        var rows = await Visible()
            .OrderBy(a => a.Id)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(a => new { a.Slug, Published = a.PublishedAtUtc!.Value, a.UpdatedAtUtc })
            .ToListAsync(ct);
        return rows.Select(r => new SitemapEntry(r.Slug, r.UpdatedAtUtc > r.Published ? r.UpdatedAtUtc : r.Published)).ToList();
    }

    /// <summary>Every category with the time its newest public article changed (null when it has none).</summary>
    public async Task<IReadOnlyList<SitemapCategory>> GetSitemapCategoriesAsync(CancellationToken ct)
    {
        var now = Now;
        return await db.Categories.AsNoTracking()
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new SitemapCategory(
                c.Slug,
                db.Articles.VisibleAt(now)
                    .Where(a => a.CategoryId == c.Id || a.Category.ParentId == c.Id)
                    .Max(a => (DateTime?)a.PublishedAtUtc)))
            .ToListAsync(ct);
    }
}

public sealed record FeedCategory(int Id, string Name, string Slug, string? Description);

public sealed record FeedImage(string StoredName, string Widths, int Width, int Height);

public sealed record FeedEntry(
    int Id,
    string Title,
    string Slug,
    string Summary,
    DateTime PublishedAtUtc,
    DateTime UpdatedAtUtc,
    string? Byline,
    string CategoryName,
    string CategorySlug,
    FeedImage? Image)
{
    /// <summary>Edits before publication do not count as updates.</summary>
    public DateTime LastChangeUtc => UpdatedAtUtc > PublishedAtUtc ? UpdatedAtUtc : PublishedAtUtc;
}

public sealed record SitemapEntry(string Slug, DateTime LastModifiedUtc);

public sealed record SitemapCategory(string Slug, DateTime? LastModifiedUtc);
