using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Media;

namespace Q11Portal.Core.Articles;

/// <summary>Read side of the public site: home, lists, the article page. Everything goes through
/// <see cref="ArticleVisibility.VisibleAt"/>, so drafts and scheduled articles never leak.</summary>
public sealed class ArticleService(PortalDbContext db, TimeProvider clock)
{
    public const int DefaultPageSize = 12;
    public const int NeighbourCount = 5;

    /// <summary>The projection every list uses; kept as an expression so EF translates it to SQL.</summary>
    public static readonly Expression<Func<Article, ArticleSummary>> ToSummary = a => new ArticleSummary(
        a.Id,
        a.Title,
        a.Slug,
        a.Summary,
        a.PublishedAtUtc!.Value,
        new CategoryRef(a.Category.Id, a.Category.Name, a.Category.Slug),
        a.LeadImage == null
            ? null
            : new ImageRef(a.LeadImage.StoredName, a.LeadImage.Widths, a.LeadImage.Width, a.LeadImage.Height, a.LeadImage.AltText));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Public articles as of now, for other features' queries (search, feeds, related news).</summary>
    public IQueryable<Article> Visible() => db.Articles.AsNoTracking().VisibleAt(Now);

    /// <summary>How many featured stories the home page shows: the lead and the row under it.</summary>
    public const int FeaturedCount = 4;

    public async Task<HomeData> GetHomeAsync(int latestCount, int perCategory, CancellationToken ct)
    {
        var visible = Visible();
        // The editors' order first (FeaturedOrder 1, 2…), unnumbered featured stories after them, newest first.
        var featuredStories = await visible.Where(a => a.IsFeatured)
            .OrderBy(a => a.FeaturedOrder == null).ThenBy(a => a.FeaturedOrder)
            .ThenByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Take(FeaturedCount).Select(ToSummary).ToListAsync(ct);
        var featured = featuredStories.FirstOrDefault()
            ?? await visible.OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
                .Select(ToSummary).FirstOrDefaultAsync(ct);

        var featuredId = featured?.Id ?? 0;
        var latest = await visible.Where(a => a.Id != featuredId)
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Take(latestCount).Select(ToSummary).ToListAsync(ct);

        var mainCategories = await db.Categories.AsNoTracking()
            .Where(c => c.ParentId == null && c.ShowOnHome)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new { Ref = new CategoryRef(c.Id, c.Name, c.Slug), ChildIds = c.Children.Select(x => x.Id).ToList() })
            .ToListAsync(ct);

        var blocks = new List<CategoryBlock>(mainCategories.Count);
        foreach (var category in mainCategories)
        {
            var ids = category.ChildIds.Append(category.Ref.Id).ToList();
            var items = await visible.Where(a => ids.Contains(a.CategoryId) && a.Id != featuredId)
                .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
                .Take(perCategory).Select(ToSummary).ToListAsync(ct);
            if (items.Count > 0)
            {
                blocks.Add(new CategoryBlock(category.Ref, items));
            }
        }

        return new HomeData(featured, latest, blocks, featuredStories.Skip(1).ToList());
    }

    /// <summary>A category's page of articles (its sub-categories included); null when no category has the slug.</summary>
    public async Task<(CategoryRef Category, ArticlePage Page)?> GetCategoryPageAsync(string slug, int page, int pageSize, CancellationToken ct)
    {
        var category = await db.Categories.AsNoTracking()
            .Where(c => c.Slug == slug)
            .Select(c => new { Ref = new CategoryRef(c.Id, c.Name, c.Slug), ChildIds = c.Children.Select(x => x.Id).ToList() })
            .SingleOrDefaultAsync(ct);
        if (category is null)
        {
            return null;
        }

        var ids = category.ChildIds.Append(category.Ref.Id).ToList();
        var result = await PageAsync(Visible().Where(a => ids.Contains(a.CategoryId)), page, pageSize, ct);
        return (category.Ref, result);
    }

    /// <summary>A tag's page of articles; null when no tag has the slug.</summary>
    public async Task<(TagRef Tag, ArticlePage Page)?> GetTagPageAsync(string slug, int page, int pageSize, CancellationToken ct)
    {
        var tag = await db.Tags.AsNoTracking().Where(t => t.Slug == slug)
            .Select(t => new { t.Id, Ref = new TagRef(t.Name, t.Slug) })
            .SingleOrDefaultAsync(ct);
        if (tag is null)
        {
            return null;
        }

        var query = Visible().Where(a => a.ArticleTags.Any(x => x.TagId == tag.Id));
        return (tag.Ref, await PageAsync(query, page, pageSize, ct));
    }

    /// <summary>Articles published on one local (Asia/Ho_Chi_Minh) day: 00:30 local on 1 June is on 01/06 even
    /// though it is 31 May in UTC.</summary>
    public Task<ArticlePage> GetDayAsync(DateOnly localDay, int page, int pageSize, CancellationToken ct)
    {
        var (start, end) = LocalTime.DayRangeUtc(localDay);
        var query = Visible().Where(a => a.PublishedAtUtc >= start && a.PublishedAtUtc < end);
        return PageAsync(query, page, pageSize, ct);
    }

    /// <summary>Finds a public article by slug; an old slug from <see cref="ArticleSlugHistory"/> answers with the
    /// article's current slug so the caller can redirect permanently.</summary>
    public async Task<ArticleLookup> FindBySlugAsync(string slug, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > Slug.MaxLength + 20)
        {
            return ArticleLookup.NotFound;
        }

        var row = await ArticlePageQueries.BySlug.For(db)(db, Now, slug, ct);
        if (row is not null)
        {
            return new ArticleLookup(await CompleteAsync(row, ct), null);
        }

        var movedTo = await db.ArticleSlugHistory.AsNoTracking()
            .Where(h => h.Slug == slug)
            .Select(h => h.Article)
            .VisibleAt(Now)
            .Select(a => a.Slug)
            .FirstOrDefaultAsync(ct);
        return movedTo is null ? ArticleLookup.NotFound : new ArticleLookup(null, movedTo);
    }

    /// <summary>Any article by id, whatever its state, for the newsroom's preview ("exactly as readers will see it").
    /// Drafts without a publish time show their last update time.</summary>
    public async Task<ArticleDetails?> GetPreviewAsync(int id, CancellationToken ct)
    {
        var row = await ArticlePageQueries.ById.For(db)(db, Now, id, ct);
        return row is null ? null : await CompleteAsync(row, ct);
    }

    /// <summary>The rest of the page's article data (tags, files, a report's figures) for a row of
    /// <see cref="ArticlePageQueries"/>.</summary>
    private async Task<ArticleDetails> CompleteAsync(ArticlePageQueries.Row article, CancellationToken ct)
    {
        var tags = await ArticlePageQueries.Tags.For(db)(db, article.Id).ToListAsync(ct);
        List<AttachmentRef> attachments = !article.HasAttachments ? [] : (await db.Attachments.AsNoTracking().Where(x => x.ArticleId == article.Id)
            .OrderBy(x => x.SortOrder).ThenBy(x => x.Id)
            .Select(x => new { x.Id, x.Title, x.FileName, x.ContentType, x.SizeBytes }).ToListAsync(ct))
            .Select(x => new AttachmentRef(string.IsNullOrWhiteSpace(x.Title) ? x.FileName : x.Title, x.FileName, MediaPaths.AttachmentUrl(x.Id), x.ContentType, x.SizeBytes))
            .ToList();

        ReportInfo? report = null;
        if (article.Kind == ArticleKind.Report)
        {
            var figures = await db.ReportFigures.AsNoTracking().Where(f => f.ArticleId == article.Id)
                .OrderBy(f => f.SortOrder).ThenBy(f => f.Id)
                .Select(f => new ReportFigureRef(f.Label, f.Value, f.Unit)).ToListAsync(ct);
            report = new ReportInfo(article.ReviewedDocument, article.ReportingUnit, article.ReportPeriod, article.TopicTitle, article.TopicSlug, figures);
        }

        return new ArticleDetails(
                article.Id, article.Title, article.Slug, article.Summary, article.BodyHtml, article.PublishedAtUtc, article.UpdatedAtUtc,
                article.Byline, article.Source, article.Category, article.LeadImage, article.LeadImageCaption, article.ViewCount,
                tags, attachments, report, article.CorrectedAtUtc, article.CorrectionNote, article.HasPinnedRelated, article.ApprovedComments);
    }

    /// <summary>TIN MỚI HƠN and TIN ĐÃ ĐƯA: the nearest public articles of the same category on either side,
    /// both lists newest first. Ties on the publish time are broken by id so no article is skipped or repeated.</summary>
    /// <remarks>Takes the loaded article rather than its id: its category and publish time are already at hand, and
    /// reading them again was one more query per article page.</remarks>
    public async Task<ArticleNeighbours> GetNeighboursAsync(ArticleDetails current, int count, CancellationToken ct)
    {
        var newer = await ArticlePageQueries.NewerQuery.For(db)(db, Now, current.Category.Id, current.Id, current.PublishedAtUtc, count).ToListAsync(ct);
        newer.Reverse();
        var older = await ArticlePageQueries.OlderQuery.For(db)(db, Now, current.Category.Id, current.Id, current.PublishedAtUtc, count).ToListAsync(ct);
        return new ArticleNeighbours(newer, older);
    }

    /// <summary>The latest public articles of a category, without the given article (the default "Tin liên quan").</summary>
    public Task<List<ArticleSummary>> GetLatestInCategoryAsync(int categoryId, int exceptArticleId, int count, CancellationToken ct) =>
        ArticlePageQueries.LatestInCategoryQuery.For(db)(db, Now, categoryId, exceptArticleId, count).ToListAsync(ct).AsTask();

    /// <summary>The stored "Tin liên quan" list (computed on publish by the search feature), visible entries only,
    /// in one query on the (ArticleId, Rank) index.</summary>
    public Task<List<ArticleSummary>> GetStoredRelatedAsync(int articleId, int count, CancellationToken ct) =>
        ArticlePageQueries.StoredRelatedCompiled.For(db)(db, Now, articleId, count).ToListAsync(ct).AsTask();

    /// <summary>The articles an editor pinned to "Tin liên quan", in the pinned order, public ones only.</summary>
    public Task<List<ArticleSummary>> GetPinnedRelatedAsync(int articleId, CancellationToken ct) =>
        db.PinnedRelatedArticles.AsNoTracking()
            .Where(p => p.ArticleId == articleId)
            .Join(Visible(), p => p.PinnedArticleId, a => a.Id, (p, a) => new { p.Position, Article = a })
            .OrderBy(x => x.Position)
            .Select(x => x.Article)
            .Select(ToSummary)
            .ToListAsync(ct);

    /// <summary>The query of <see cref="GetStoredRelatedAsync"/> as EF Core would build it each time; on SQLite its plan
    /// depends on the planner's statistics (<see cref="Data.SqliteStatisticsService"/>), which a test checks.</summary>
    internal IQueryable<ArticleSummary> StoredRelatedQuery(int articleId, int count) =>
        ArticlePageQueries.StoredRelated.Compile()(db, Now, articleId, count);

    public Task<List<ArticleSummary>> GetLatestAsync(int count, CancellationToken ct) =>
        Visible().OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Take(count).Select(ToSummary).ToListAsync(ct);

    private static async Task<ArticlePage> PageAsync(IQueryable<Article> query, int page, int pageSize, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var total = await query.CountAsync(ct);
        var skip = (long)(page - 1) * pageSize;
        if (skip >= total)
        {
            return new ArticlePage([], page, pageSize, total);
        }

        var items = await query.OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Skip((int)skip).Take(pageSize).Select(ToSummary).ToListAsync(ct);
        return new ArticlePage(items, page, pageSize, total);
    }
}
