using System.Globalization;
using System.Net;
using System.Text.Json;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Tags;

namespace Q11Portal.Testing;

/// <summary>The development corpus beside the checkout (<c>shared/corpus</c>). Until the importer is on main, tests load
/// its articles with this small loader (published, with their source ids, categories and tags).</summary>
public static class DevelopmentCorpus
{
    public sealed record CorpusArticle(string Id, string Title, string Summary, string Content, string Category, List<string> Tags, DateTimeOffset PublishedAt, string? Author);

    public static string RequireDirectory()
    {
        var directory = TestEnvironment.SharedDirectory is { } shared ? Path.Combine(shared, "corpus") : null;
        if (directory is null || !File.Exists(Path.Combine(directory, "articles.json")))
        {
            TestEnvironment.SkipOrFail("The development corpus (shared/corpus beside the checkout) is not present.");
        }

        return directory!;
    }

    public static IReadOnlyList<CorpusArticle> ReadArticles(string directory) =>
        JsonSerializer.Deserialize<List<CorpusArticle>>(File.ReadAllText(Path.Combine(directory, "articles.json")),
            new JsonSerializerOptions { PropertyNameCaseInsensitive = true }) ?? [];

    public static async Task<Dictionary<string, int>> LoadAsync(PortalDbContext db, string directory, CancellationToken ct)
    {
        var articles = ReadArticles(directory);
        var categories = new Dictionary<string, Category>(StringComparer.Ordinal);
        var tags = new Dictionary<string, Tag>(StringComparer.Ordinal);
        var entities = new List<Article>();
        foreach (var item in articles)
        {
            var categoryName = VietnameseText.Nfc(item.Category);
            if (!categories.TryGetValue(categoryName, out var category))
            {
                category = new Category { Name = categoryName, Slug = Slug.From(categoryName), SortOrder = categories.Count + 1 };
                categories[categoryName] = category;
                db.Categories.Add(category);
            }

            var published = item.PublishedAt.UtcDateTime;
            var article = new Article
            {
                SourceId = item.Id,
                Title = VietnameseText.Nfc(item.Title),
                Slug = Slug.From(item.Title) is { Length: > 0 } slug ? slug[..Math.Min(slug.Length, Slug.MaxLength)] : item.Id,
                Summary = VietnameseText.Nfc(item.Summary),
                BodyHtml = string.Concat(VietnameseText.Nfc(item.Content).Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
                    .Select(p => "<p>" + WebUtility.HtmlEncode(p.Trim()) + "</p>")),
                Category = category,
                Byline = item.Author,
                Status = ArticleStatus.Published,
                PublishedAtUtc = published,
                CreatedAtUtc = published,
                UpdatedAtUtc = published,
            };
            foreach (var name in item.Tags.Select(VietnameseText.Nfc))
            {
                var tagSlug = Slug.From(name);
                if (!tags.TryGetValue(tagSlug, out var tag))
                {
                    tag = new Tag { Name = name, Slug = tagSlug };
                    tags[tagSlug] = tag;
                }

                if (!article.Tags.Contains(tag))
                {
                    article.Tags.Add(tag);
                }
            }

            entities.Add(article);
            db.Articles.Add(article);
        }

        await db.SaveChangesAsync(ct);
        return entities.ToDictionary(a => a.SourceId!, a => a.Id);
    }

    public static string Invariant(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
