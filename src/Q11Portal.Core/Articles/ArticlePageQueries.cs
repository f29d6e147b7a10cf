using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Comments;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using NeighbourQuery = System.Func<Q11Portal.Core.Data.PortalDbContext, System.DateTime, int, int, System.DateTime, int, System.Linq.IQueryable<Q11Portal.Core.Articles.ArticleSummary>>;

namespace Q11Portal.Core.Articles;

/// <summary>The article page's queries, compiled once by EF Core: they run on every uncached render, and building,
/// parameterising and looking up their expression trees was about a fifth of such a render's CPU (perf, 2,000
/// articles). The page and the newsroom's preview share one projection, <see cref="ToRow"/>; the lists use
/// <see cref="ArticleService.ToSummary"/>.</summary>
internal static class ArticlePageQueries
{
    /// <summary>One row with what the article page shows of the article itself (tags and files are read apart).</summary>
    internal sealed record Row(
        int Id, string Title, string Slug, string Summary, string BodyHtml, DateTime PublishedAtUtc, DateTime UpdatedAtUtc,
        string? Byline, string? Source, CategoryRef Category, ImageRef? LeadImage, string? LeadImageCaption, long ViewCount,
        ArticleKind Kind, string? ReviewedDocument, string? ReportingUnit, string? ReportPeriod, DateTime? CorrectedAtUtc,
        string? CorrectionNote, string? TopicTitle, string? TopicSlug, bool HasAttachments, bool HasPinnedRelated, int ApprovedComments);

    private static readonly Expression<Func<PortalDbContext, Article, Row>> ToRow = (db, a) => new Row(
        a.Id, a.Title, a.Slug, a.Summary, a.BodyHtml, a.PublishedAtUtc ?? a.UpdatedAtUtc, a.UpdatedAtUtc, a.Byline, a.Source,
        new CategoryRef(a.Category.Id, a.Category.Name, a.Category.Slug),
        a.LeadImage == null
            ? null
            : new ImageRef(a.LeadImage.StoredName, a.LeadImage.Widths, a.LeadImage.Width, a.LeadImage.Height, a.LeadImage.AltText),
        a.LeadImageCaption, a.ViewCount, a.Kind, a.ReviewedDocument, a.ReportingUnit, a.ReportPeriod, a.CorrectedAtUtc, a.CorrectionNote,
        a.Topic == null ? null : a.Topic.Title,
        a.Topic == null ? null : a.Topic.Slug,
        // Most articles have neither: knowing it here spares the page a query for each (the cache-miss path).
        a.Attachments.Any(),
        a.PinnedRelated.Any(),
        db.Comments.Count(c => c.ArticleId == a.Id && c.Status == CommentStatus.Approved));

    /// <summary>A public article by its current slug, as of the given time.</summary>
    public static readonly CompiledPerModel<Func<PortalDbContext, DateTime, string, CancellationToken, Task<Row?>>> BySlug =
        new(() => EF.CompileAsyncQuery(SingleRowOf<string>((db, now, slug) =>
            db.Articles.AsNoTracking().VisibleAt(now).Where(a => a.Slug == slug))));

    /// <summary>Any article by id, whatever its state (the preview); the time is not used.</summary>
    public static readonly CompiledPerModel<Func<PortalDbContext, DateTime, int, CancellationToken, Task<Row?>>> ById =
        new(() => EF.CompileAsyncQuery(SingleRowOf<int>((db, _, id) => db.Articles.AsNoTracking().Where(a => a.Id == id))));

    /// <summary>An article's tags in name order.</summary>
    public static readonly CompiledPerModel<Func<PortalDbContext, int, IAsyncEnumerable<TagRef>>> Tags =
        new(() => EF.CompileAsyncQuery((PortalDbContext db, int articleId) =>
            db.ArticleTags.AsNoTracking().Where(x => x.ArticleId == articleId)
                .OrderBy(x => x.Tag.Name).Select(x => new TagRef(x.Tag.Name, x.Tag.Slug))));

    /// <summary><c>source.Select(ToRow).SingleOrDefault()</c> as one expression EF Core can compile, with the
    /// visibility rule written out (<see cref="ArticleVisibility.Inline"/>).</summary>
    private static Expression<Func<PortalDbContext, DateTime, TKey, CancellationToken, Row?>> SingleRowOf<TKey>(
        Expression<Func<PortalDbContext, DateTime, TKey, IQueryable<Article>>> source)
    {
        var db = source.Parameters[0];
        var project = Expression.Lambda<Func<Article, Row>>(
            new ReplaceParameter(ToRow.Parameters[0], db).Visit(ToRow.Body), ToRow.Parameters[1]);
        var select = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Article), typeof(Row)],
            source.Body, Expression.Quote(project));
        var single = Expression.Call(typeof(Queryable), nameof(Queryable.SingleOrDefault), [typeof(Row)], select);
        var query = Expression.Lambda<Func<PortalDbContext, DateTime, TKey, CancellationToken, Row?>>(
            single, [.. source.Parameters, Expression.Parameter(typeof(CancellationToken), "ct")]);
        return ArticleVisibility.Inline(query);
    }

    // The page's lists: neighbours, stored related, latest in the category.
    public static readonly Expression<Func<PortalDbContext, DateTime, int, int, IQueryable<ArticleSummary>>> StoredRelated =
        (db, now, articleId, count) => db.RelatedArticles.AsNoTracking()
            .Where(r => r.ArticleId == articleId)
            .Join(db.Articles.AsNoTracking().VisibleAt(now), r => r.RelatedArticleId, a => a.Id, (r, a) => new { r.Rank, Article = a })
            .OrderBy(x => x.Rank)
            .Take(count)
            .Select(x => x.Article)
            .Select(ArticleService.ToSummary);

    public static readonly CompiledPerModel<Func<PortalDbContext, DateTime, int, int, IAsyncEnumerable<ArticleSummary>>> StoredRelatedCompiled =
        new(() => EF.CompileAsyncQuery(ArticleVisibility.Inline(StoredRelated)));

    public static readonly CompiledPerModel<Func<PortalDbContext, DateTime, int, int, DateTime, int, IAsyncEnumerable<ArticleSummary>>> NewerQuery =
        new(() => EF.CompileAsyncQuery(ArticleVisibility.Inline<NeighbourQuery>((db, now, categoryId, articleId, published, count) =>
            db.Articles.AsNoTracking().VisibleAt(now)
                .Where(a => a.CategoryId == categoryId && a.Id != articleId)
                .Where(a => a.PublishedAtUtc > published || (a.PublishedAtUtc == published && a.Id > articleId))
                .OrderBy(a => a.PublishedAtUtc).ThenBy(a => a.Id)
                .Take(count).Select(ArticleService.ToSummary))));

    public static readonly CompiledPerModel<Func<PortalDbContext, DateTime, int, int, DateTime, int, IAsyncEnumerable<ArticleSummary>>> OlderQuery =
        new(() => EF.CompileAsyncQuery(ArticleVisibility.Inline<NeighbourQuery>((db, now, categoryId, articleId, published, count) =>
            db.Articles.AsNoTracking().VisibleAt(now)
                .Where(a => a.CategoryId == categoryId && a.Id != articleId)
                .Where(a => a.PublishedAtUtc < published || (a.PublishedAtUtc == published && a.Id < articleId))
                .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
                .Take(count).Select(ArticleService.ToSummary))));

    public static readonly CompiledPerModel<Func<PortalDbContext, DateTime, int, int, int, IAsyncEnumerable<ArticleSummary>>> LatestInCategoryQuery =
        new(() => EF.CompileAsyncQuery(ArticleVisibility.Inline<Func<PortalDbContext, DateTime, int, int, int, IQueryable<ArticleSummary>>>((db, now, categoryId, exceptArticleId, count) =>
            db.Articles.AsNoTracking().VisibleAt(now)
                .Where(a => a.CategoryId == categoryId && a.Id != exceptArticleId)
                .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
                .Take(count).Select(ArticleService.ToSummary))));
}
