using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Pages;

/// <summary>Reading site pages: a published page for readers, the links of the menu and the footer, and every page
/// with its revisions for admins.</summary>
public sealed class SitePageService(PortalDbContext db)
{
    public Task<SitePageView?> FindPublishedAsync(string slug, CancellationToken ct) =>
        Views(db.SitePages.Where(p => p.Slug == slug && p.IsPublished)).SingleOrDefaultAsync(ct);

    public Task<SitePageView?> FindAsync(int id, CancellationToken ct) => Views(db.SitePages.Where(p => p.Id == id)).SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyList<SitePageView>> ListAsync(CancellationToken ct) =>
        await Views(db.SitePages.OrderBy(p => p.Placement).ThenBy(p => p.SortOrder).ThenBy(p => p.Title)).ToListAsync(ct);

    /// <summary>The published pages linked from <paramref name="placement"/>, in their order.</summary>
    public async Task<IReadOnlyList<SitePageLink>> LinksAsync(PagePlacement placement, CancellationToken ct)
    {
        var pages = await db.SitePages.AsNoTracking().Where(p => p.IsPublished && p.Placement == placement)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id).Select(p => new { p.Title, p.Slug }).ToListAsync(ct);
        return pages.Select(p => new SitePageLink(p.Title, SitePageRules.Url(p.Slug))).ToList();
    }

    public async Task<IReadOnlyList<SitePageRevisionSummary>> ListRevisionsAsync(int pageId, CancellationToken ct) =>
        await db.SitePageRevisions.AsNoTracking().Where(r => r.SitePageId == pageId).OrderByDescending(r => r.Number)
            .Select(r => new SitePageRevisionSummary(r.Number, r.AtUtc, r.UserName, r.Title)).ToListAsync(ct);

    public Task<SitePageRevisionView?> FindRevisionAsync(int pageId, int number, CancellationToken ct) =>
        db.SitePageRevisions.AsNoTracking().Where(r => r.SitePageId == pageId && r.Number == number)
            .Select(r => new SitePageRevisionView(new SitePageRevisionSummary(r.Number, r.AtUtc, r.UserName, r.Title), r.BodyHtml))
            .SingleOrDefaultAsync(ct);

    private static IQueryable<SitePageView> Views(IQueryable<SitePage> pages) =>
        pages.AsNoTracking().Select(p => new SitePageView(p.Id, p.Slug, p.Title, p.Summary, p.BodyHtml, p.Placement, p.SortOrder,
            p.IsPublished, p.UpdatedAtUtc, p.UpdatedBy, p.Version));
}
