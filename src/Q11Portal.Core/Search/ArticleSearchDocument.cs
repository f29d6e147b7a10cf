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
    DateTime PublishedAtUtc,
    DateTime? ExpiresAtUtc = null)
{
    /// <summary>Loads the documents of the given articles that are published (any publish time: scheduled visibility
    /// is checked at query time). Articles missing from the result are to be removed from the index.</summary>
    public static async Task<List<ArticleSearchDocument>> LoadAsync(PortalDbContext db, IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        // Given ids are looked up by key and their state checked here: with the state in the WHERE clause, SQLite
        // walks its (Status, PublishedAtUtc) index over every published article instead. The tags come in a second
        // statement: joined into the first, SQLite materialises the tag join of every article (100 ms at 100,000).
        var query = ids is null
            ? db.Articles.AsNoTracking().PublishedAtAnyTime()
            : db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id));
        var rows = await query
            .AsSplitQuery()
            .OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Status,
                a.Id,
                a.SourceId,
                a.Slug,
                a.Title,
                a.Summary,
                a.BodyHtml,
                a.CategoryId,
                CategoryName = a.Category.Name,
                Tags = a.Tags.Select(t => t.Name).ToList(),
                a.PublishedAtUtc,
                a.ExpiresAtUtc,
            })
            .ToListAsync(ct);
        return rows.Where(a => ArticleVisibility.IsPublishedAtAnyTime(a.Status, a.PublishedAtUtc)).Select(a => new ArticleSearchDocument(a.Id, a.SourceId, a.Slug, a.Title, a.Summary, HtmlText.ToPlainText(a.BodyHtml),
            a.CategoryId, a.CategoryName, a.Tags, a.PublishedAtUtc!.Value, a.ExpiresAtUtc)).ToList();
    }
}
