using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Articles;

/// <summary>An article as the editor form shows it, whatever its state.</summary>
public sealed class ArticleEditQuery(PortalDbContext db)
{
    public async Task<ArticleEditData?> GetAsync(int id, CancellationToken ct)
    {
        // Split: in one statement SQLite materialises the tag join of every article first (see ArticleSearchDocument).
        var a = await db.Articles.AsNoTracking().AsSplitQuery().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.Title, x.Summary, x.BodyHtml, x.CategoryId, x.LeadImageId, x.LeadImageCaption, x.Byline, x.Source,
                x.PublishedAtUtc, x.Slug, x.Status, x.Version, x.CreatedById, x.ReturnReason, x.CreatedAtUtc, x.UpdatedAtUtc,
                Tags = x.ArticleTags.OrderBy(t => t.Tag.Name).Select(t => t.Tag.Name).ToList(),
                x.ExpiresAtUtc, x.IsFeatured, x.FeaturedOrder, x.CorrectionNote, x.CorrectedAtUtc, x.TrashedAtUtc,
                Pinned = x.PinnedRelated.OrderBy(p => p.Position).Select(p => p.PinnedArticleId).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (a is null)
        {
            return null;
        }

        var author = a.CreatedById is null ? null : await db.Users.Where(u => u.Id == a.CreatedById).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var draft = new ArticleDraft(a.Title, a.Summary, a.BodyHtml, a.CategoryId, a.LeadImageId, a.LeadImageCaption, a.Tags, a.Byline, a.Source, a.PublishedAtUtc,
            ExpiresAtUtc: a.ExpiresAtUtc, IsFeatured: a.IsFeatured, FeaturedOrder: a.FeaturedOrder, PinnedRelatedIds: a.Pinned, CorrectionNote: a.CorrectionNote);
        return new ArticleEditData(a.Id, draft, a.Slug, a.Status, a.Version, a.CreatedById, author, a.ReturnReason, a.CreatedAtUtc, a.UpdatedAtUtc,
            a.CorrectedAtUtc, a.TrashedAtUtc);
    }
}
