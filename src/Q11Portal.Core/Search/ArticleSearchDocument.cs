using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Search;

/// <summary>What the index keeps of one published article; <see cref="BodyText"/> is the body without HTML.</summary>
public sealed record ArticleSearchDocument(
    int Id,
    string? SourceId,
    string Slug,
    string Title,
    string Summary,
    string BodyText,
    int CategoryId,
    string CategoryName,
    IReadOnlyList<string> Tags,
    DateTime PublishedAtUtc)
{
    /// <summary>Loads the documents of the given articles that are published (any publish time: scheduled visibility
    /// is checked at query time). Articles missing from the result are to be removed from the index.</summary>
    public static async Task<List<ArticleSearchDocument>> LoadAsync(PortalDbContext db, IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        var query = db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc != null);
        if (ids is not null)
        {
            query = query.Where(a => ids.Contains(a.Id));
        }

        var rows = await query
            .OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.SourceId,
                a.Slug,
                a.Title,
                a.Summary,
                a.BodyHtml,
                a.CategoryId,
                CategoryName = a.Category.Name,
                Tags = a.Tags.Select(t => t.Name).ToList(),
                PublishedAtUtc = a.PublishedAtUtc!.Value,
            })
            .ToListAsync(ct);
        return rows.Select(a => new ArticleSearchDocument(a.Id, a.SourceId, a.Slug, a.Title, a.Summary, HtmlText.ToPlainText(a.BodyHtml),
            a.CategoryId, a.CategoryName, a.Tags, a.PublishedAtUtc)).ToList();
    }
}
