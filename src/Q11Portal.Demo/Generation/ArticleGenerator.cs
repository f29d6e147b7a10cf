using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Import;
using Q11Portal.Core.Tags;

namespace Q11Portal.Demo.Generation;

public sealed record GenerateProgress(int Done, int Total);

public sealed record GenerateResult(int Added, int FirstIndex, int CategoriesAdded, int TagsAdded);

/// <summary>Inserts synthetic published articles for benchmarks, fast: batches on a fresh context each with change
/// detection off. Source ids are <c>gen{seed}-{index}</c>; running again with the same seed appends the next indexes,
/// so the data set for (seed, count) is always the same. Every article gets a <see cref="ContentChange"/> so search
/// indexes catch up as for any other write.</summary>
public sealed class ArticleGenerator(IServiceScopeFactory scopes, ArticleHtmlSanitizer sanitizer, TimeProvider clock, ILogger<ArticleGenerator> logger)
{
    public const int DefaultBatchSize = 1000;
    public const int MaxArticles = 1_000_000;

    public static string SourceIdPrefix(int seed) => $"gen{seed}-";

    public async Task<GenerateResult> GenerateAsync(int count, int seed, IProgress<GenerateProgress>? progress, CancellationToken ct, int batchSize = DefaultBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxArticles);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);

        int firstIndex, categoriesAdded, tagsAdded;
        Dictionary<string, int> categoryIds, tagIds;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var prefix = SourceIdPrefix(seed);
            firstIndex = await db.Articles.CountAsync(a => a.SourceId != null && a.SourceId.StartsWith(prefix), ct);
            (categoryIds, categoriesAdded) = await EnsureAsync(db, db.Categories, SyntheticNews.Categories, c => c.Slug, c => c.Id,
                (name, i) => new Category { Name = name, Slug = Slug.From(name), SortOrder = i + 1 }, ct);
            (tagIds, tagsAdded) = await EnsureAsync(db, db.Tags, SyntheticNews.AllTags, t => t.Slug, t => t.Id,
                (name, _) => new Tag { Name = name, Slug = Slug.From(name) }, ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var done = 0;
        progress?.Report(new GenerateProgress(0, count));
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var articleInsert = new BulkInsert<Article>(db);
            var tagInsert = new BulkInsert<ArticleTag>(db);
            var changeInsert = new BulkInsert<ContentChange>(db);
            var strategy = db.Database.CreateExecutionStrategy();
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                while (done < count)
                {
                    var size = Math.Min(batchSize, count - done);
                    // Writing and sanitizing the text costs about as much as storing it: spread it over the cores.
                    var batch = Enumerable.Range(firstIndex + done, size).AsParallel().AsOrdered().WithCancellation(ct)
                        .Select(index => (Index: index, Item: SyntheticNews.Create(seed, index))).ToList();
                    var articles = batch.AsParallel().AsOrdered().Select(b => NewArticle(seed, b.Index, b.Item, categoryIds)).ToList();
                    await strategy.ExecuteAsync(async () =>
                    {
                        await using var transaction = await db.Database.BeginTransactionAsync(ct);
                        await articleInsert.InsertAsync(articles, ct);
                        var sourceIds = articles.Select(a => a.SourceId!).ToList();
                        var ids = await db.Articles.AsNoTracking().Where(a => sourceIds.Contains(a.SourceId!))
                            .ToDictionaryAsync(a => a.SourceId!, a => a.Id, ct);
                        var tags = batch.SelectMany((b, i) => b.Item.Tags.Select(t => new ArticleTag { ArticleId = ids[articles[i].SourceId!], TagId = tagIds[Slug.From(t)] }))
                            .DistinctBy(t => (t.ArticleId, t.TagId)).ToList();
                        await tagInsert.InsertAsync(tags, ct);
                        await changeInsert.InsertAsync(ids.Values.Order().Select(id => new ContentChange { ContentKind = ContentKind.Article, EntityId = id, Kind = ContentChangeKind.Upserted, AtUtc = now }).ToList(), ct);
                        await transaction.CommitAsync(ct);
                    });

                    done += size;
                    progress?.Report(new GenerateProgress(done, count));
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        logger.LogInformation("Generated {Count} synthetic articles with seed {Seed} from index {FirstIndex}", count, seed, firstIndex);
        return new GenerateResult(count, firstIndex, categoriesAdded, tagsAdded);
    }

    private Article NewArticle(int seed, int index, SyntheticArticle item, Dictionary<string, int> categoryIds) => new()
    {
        SourceId = SourceIdPrefix(seed) + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Title = item.Title,
        Slug = $"{ShortSlug(item.Title)}-{seed}-{index}",
        Summary = item.Summary,
        // Generated text is encoded by construction, and still goes through the one sanitizer like every stored body.
        BodyHtml = sanitizer.Sanitize(ArticleImportReader.ParagraphsToHtml(string.Join("\n\n", item.Paragraphs))),
        CategoryId = categoryIds[Slug.From(item.Category)],
        Kind = ArticleKind.News,
        Status = ArticleStatus.Published,
        PublishedAtUtc = item.PublishedAtUtc,
        CreatedAtUtc = item.PublishedAtUtc,
        UpdatedAtUtc = item.PublishedAtUtc,
        Byline = item.Byline,
        ViewCount = item.ViewCount,
        IsFeatured = index % 97 == 0,
        Version = Guid.NewGuid(),
    };

    /// <summary>The title's slug cut to leave room for the "-seed-index" suffix within the column.</summary>
    private static string ShortSlug(string title)
    {
        var slug = Slug.From(title);
        if (slug.Length <= 100)
        {
            return slug;
        }

        slug = slug[..100];
        var cut = slug.LastIndexOf('-');
        return cut > 50 ? slug[..cut] : slug.TrimEnd('-');
    }

    private static async Task<(Dictionary<string, int> Ids, int Added)> EnsureAsync<T>(PortalDbContext db, DbSet<T> set, IReadOnlyList<string> names,
        Func<T, string> slugOf, Func<T, int> idOf, Func<string, int, T> create, CancellationToken ct)
        where T : class
    {
        var existing = (await set.AsNoTracking().ToListAsync(ct)).ToDictionary(slugOf, idOf);
        var added = new List<T>();
        for (var i = 0; i < names.Count; i++)
        {
            var slug = Slug.From(names[i]);
            if (!existing.ContainsKey(slug) && !added.Any(a => slugOf(a) == slug))
            {
                added.Add(create(names[i], i));
            }
        }

        if (added.Count > 0)
        {
            set.AddRange(added);
            await db.SaveChangesAsync(ct);
            foreach (var entity in added)
            {
                existing[slugOf(entity)] = idOf(entity);
            }
        }

        return (existing, added.Count);
    }
}
