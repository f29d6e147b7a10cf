using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Import;

/// <summary>Imports articles from a JSON file in the development corpus format. The whole file is validated first and
/// written in one transaction, so a bad file changes nothing. Articles are matched on <see cref="Article.SourceId"/>:
/// re-importing a file updates what changed instead of adding duplicates. Every added or changed article is logged
/// in <see cref="PortalDbContext.ContentChanges"/> so the search index and caches catch up.</summary>
public sealed class ArticleImporter(
    PortalDbContext db,
    ArticleHtmlSanitizer sanitizer,
    ArticleSlugs slugs,
    AuditLog audit,
    TimeProvider clock,
    ILogger<ArticleImporter> logger)
{
    public const string ImportUserName = "import";
    private const int BatchSize = 200;

    /// <summary>Validates the file, then imports it. Throws <see cref="ArticleImportException"/> (nothing written) for a bad file.</summary>
    public async Task<ArticleImportResult> ImportAsync(Stream json, IProgress<ArticleImportProgress>? progress, CancellationToken ct, string? sourceName = null)
    {
        var records = await ArticleImportReader.ReadAsync(json, sanitizer, ct);
        return await ImportAsync(records, progress, ct, sourceName);
    }

    public async Task<ArticleImportResult> ImportFileAsync(string path, IProgress<ArticleImportProgress>? progress, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return await ImportAsync(stream, progress, ct, Path.GetFileName(path));
    }

    /// <summary>Imports records that <see cref="ArticleImportReader"/> already validated (body sanitized, text NFC).</summary>
    public async Task<ArticleImportResult> ImportAsync(IReadOnlyList<ArticleImportRecord> records, IProgress<ArticleImportProgress>? progress, CancellationToken ct, string? sourceName = null)
    {
        progress?.Report(new ArticleImportProgress(0, records.Count));
        // SQL Server runs with retry on failure: a user transaction must go through the execution strategy.
        var strategy = db.Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var outcome = await WriteAsync(records, progress, ct);
            audit.Add(ImportUserName, "ArticleImport", "Article", null,
                $"{sourceName ?? "(stream)"}: {outcome.Added} added, {outcome.Updated} updated, {outcome.Unchanged} unchanged");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return outcome;
        });

        db.ChangeTracker.Clear();
        result = result with
        {
            Dropped = records.Where(r => r.Removed.Count > 0).Select(r => new ArticleImportDrop(r.Position, r.SourceId, r.Title, r.Removed)).ToList(),
        };
        logger.LogInformation("Imported {Source}: {Added} added, {Updated} updated, {Unchanged} unchanged, {CategoriesAdded} categories and {TagsAdded} tags added",
            sourceName ?? "(stream)", result.Added, result.Updated, result.Unchanged, result.CategoriesAdded, result.TagsAdded);
        return result;
    }

    private async Task<ArticleImportResult> WriteAsync(IReadOnlyList<ArticleImportRecord> records, IProgress<ArticleImportProgress>? progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (categoryIds, categoriesAdded) = await EnsureCategoriesAsync(records, ct);
        var (tagIds, tagsAdded) = await EnsureTagsAsync(records, ct);
        int added = 0, updated = 0, unchanged = 0, done = 0;

        foreach (var batch in records.Chunk(BatchSize))
        {
            var ids = batch.Select(r => r.SourceId).ToList();
            var existing = await db.Articles
                .Include(a => a.ArticleTags)
                .Where(a => a.SourceId != null && ids.Contains(a.SourceId))
                .ToDictionaryAsync(a => a.SourceId!, StringComparer.Ordinal, ct);

            var changed = new List<Article>();
            foreach (var record in batch)
            {
                var categoryId = categoryIds[ImportNames.CategorySlug(record.Category)];
                var wantedTags = record.Tags.Select(t => tagIds[ImportNames.TagSlug(t)]).ToHashSet();
                if (existing.TryGetValue(record.SourceId, out var article))
                {
                    if (!await ApplyAsync(article, record, categoryId, wantedTags, now, ct))
                    {
                        unchanged++;
                        continue;
                    }

                    updated++;
                }
                else
                {
                    article = new Article
                    {
                        SourceId = record.SourceId,
                        Status = ArticleStatus.Published,
                        Kind = ArticleKind.News,
                        CreatedAtUtc = record.PublishedAtUtc,
                        CreatedById = null,
                    };
                    await ApplyAsync(article, record, categoryId, wantedTags, now, ct);
                    article.UpdatedAtUtc = record.PublishedAtUtc;
                    db.Articles.Add(article);
                    added++;
                }

                changed.Add(article);
            }

            await db.SaveChangesAsync(ct);
            foreach (var article in changed)
            {
                db.ContentChanges.Add(new ContentChange { ContentKind = ContentKind.Article, EntityId = article.Id, Kind = ContentChangeKind.Upserted, AtUtc = now });
                db.ArticleRevisions.Add(RevisionSnapshot.Take(article, batch.First(r => r.SourceId == article.SourceId).Tags, ImportUserName, now));
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += batch.Length;
            progress?.Report(new ArticleImportProgress(done, records.Count));
        }

        return new ArticleImportResult(added, updated, unchanged, categoriesAdded, tagsAdded);
    }

    /// <summary>Copies the record onto the article; false when nothing differs.</summary>
    private async Task<bool> ApplyAsync(Article article, ArticleImportRecord record, int categoryId, HashSet<int> wantedTags,
        DateTime now, CancellationToken ct)
    {
        var currentTags = article.ArticleTags.Select(t => t.TagId).ToHashSet();
        var isNew = article.Id == 0;
        var same = !isNew
            && article.Title == record.Title
            && article.Summary == record.Summary
            && article.BodyHtml == record.BodyHtml
            && article.CategoryId == categoryId
            && article.Byline == record.Byline
            && article.PublishedAtUtc == record.PublishedAtUtc
            && currentTags.SetEquals(wantedTags);
        if (same)
        {
            return false;
        }

        var titleChanged = article.Title != record.Title;
        article.Title = record.Title;
        if (isNew || titleChanged)
        {
            // Unique against current and retired slugs; a renamed article's old slug keeps redirecting (301).
            await slugs.AssignAsync(article, ct);
        }

        article.Summary = record.Summary;
        article.BodyHtml = record.BodyHtml;
        article.CategoryId = categoryId;
        article.Byline = record.Byline;
        article.PublishedAtUtc = record.PublishedAtUtc;
        article.UpdatedAtUtc = now;
        article.Version = Guid.NewGuid();

        article.ArticleTags.RemoveAll(t => !wantedTags.Contains(t.TagId));
        foreach (var tagId in wantedTags.Where(id => !currentTags.Contains(id)))
        {
            article.ArticleTags.Add(new ArticleTag { TagId = tagId });
        }

        return true;
    }

    private async Task<(Dictionary<string, int> Ids, int Added)> EnsureCategoriesAsync(IReadOnlyList<ArticleImportRecord> records, CancellationToken ct)
    {
        var wanted = records.GroupBy(r => ImportNames.CategorySlug(r.Category)).ToDictionary(g => g.Key, g => g.First().Category);
        var wantedSlugs = wanted.Keys.ToList();
        var ids = await db.Categories.Where(c => wantedSlugs.Contains(c.Slug)).ToDictionaryAsync(c => c.Slug, c => c.Id, ct);
        var missing = wanted.Where(w => !ids.ContainsKey(w.Key)).ToList();
        if (missing.Count == 0)
        {
            return (ids, 0);
        }

        var order = (await db.Categories.MaxAsync(c => (int?)c.SortOrder, ct) ?? 0) + 1;
        var created = missing.Select(m => db.Categories.Add(ImportNames.NewCategory(m.Value, order++)).Entity).ToList();
        await db.SaveChangesAsync(ct);
        foreach (var category in created)
        {
            ids[category.Slug] = category.Id;
            logger.LogInformation("Import created category {CategoryName} ({CategorySlug})", category.Name, category.Slug);
        }

        return (ids, created.Count);
    }

    private async Task<(Dictionary<string, int> Ids, int Added)> EnsureTagsAsync(IReadOnlyList<ArticleImportRecord> records, CancellationToken ct)
    {
        var wanted = records.SelectMany(r => r.Tags).GroupBy(ImportNames.TagSlug).ToDictionary(g => g.Key, g => g.First());
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in wanted.Keys.Chunk(500))
        {
            foreach (var tag in await db.Tags.Where(t => chunk.Contains(t.Slug)).Select(t => new { t.Slug, t.Id }).ToListAsync(ct))
            {
                ids[tag.Slug] = tag.Id;
            }
        }

        var created = wanted.Where(w => !ids.ContainsKey(w.Key)).Select(w => db.Tags.Add(ImportNames.NewTag(w.Value)).Entity).ToList();
        if (created.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            foreach (var tag in created)
            {
                ids[tag.Slug] = tag.Id;
            }
        }

        return (ids, created.Count);
    }
}
