using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Articles;

/// <summary>Gives articles unique URL slugs. Every path that creates or renames an article (editor, importer,
/// generator, seeder) calls <c>AssignAsync</c> before saving, so old links keep working (301) after a title change.</summary>
public sealed class ArticleSlugs(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Used when a title has no letters or digits at all.</summary>
    public const string Fallback = "bai-viet";

    /// <summary>Sets <paramref name="article"/>.Slug from <paramref name="requestedSlug"/> (or the title when empty),
    /// made unique against current and retired slugs of other articles, including ones added but not yet saved.
    /// When a saved article's slug changes, the old one is added to <see cref="ArticleSlugHistory"/>; a slug the article
    /// used before is taken back from its history. Nothing is saved: the caller's SaveChanges commits it all.</summary>
    /// <returns>The slug assigned.</returns>
    public async Task<string> AssignAsync(Article article, string? requestedSlug, CancellationToken ct)
    {
        var wanted = Slug.From(string.IsNullOrWhiteSpace(requestedSlug) ? article.Title : requestedSlug);
        if (wanted.Length == 0)
        {
            wanted = Fallback;
        }

        var oldSlug = article.Slug;
        if (oldSlug == wanted)
        {
            return oldSlug;
        }

        var slug = await UniqueAsync(wanted, article, ct);
        if (slug != wanted && IsNumberedVariant(oldSlug, wanted))
        {
            // The plain slug is someone else's and the article already has a numbered copy of it: keep its URL.
            return oldSlug;
        }

        if (article.Id > 0 && oldSlug.Length > 0 && oldSlug != slug)
        {
            var retired = await db.ArticleSlugHistory.AnyAsync(h => h.Slug == oldSlug, ct);
            if (!retired)
            {
                db.ArticleSlugHistory.Add(new ArticleSlugHistory
                {
                    ArticleId = article.Id,
                    Slug = oldSlug,
                    RetiredAtUtc = clock.GetUtcNow().UtcDateTime,
                });
            }
        }

        if (article.Id > 0)
        {
            var reclaimed = await db.ArticleSlugHistory.Where(h => h.ArticleId == article.Id && h.Slug == slug).ToListAsync(ct);
            db.ArticleSlugHistory.RemoveRange(reclaimed);
        }

        article.Slug = slug;
        return slug;
    }

    /// <inheritdoc cref="AssignAsync(Article, string?, CancellationToken)"/>
    public Task<string> AssignAsync(Article article, CancellationToken ct) => AssignAsync(article, null, ct);

    /// <summary>The first of "slug", "slug-2", "slug-3"… that no other article uses now or used before.</summary>
    /// <param name="baseSlug">A slug as <see cref="Slug.From"/> makes them.</param>
    /// <param name="self">The article the slug is for (its own slugs do not count as taken), or null.</param>
    public async Task<string> UniqueAsync(string baseSlug, Article? self, CancellationToken ct)
    {
        var articleId = self?.Id ?? 0;
        var prefix = baseSlug + "-";
        var taken = new HashSet<string>(StringComparer.Ordinal);
        taken.UnionWith(await db.Articles.Where(a => a.Id != articleId && (a.Slug == baseSlug || a.Slug.StartsWith(prefix)))
            .Select(a => a.Slug).ToListAsync(ct));
        taken.UnionWith(await db.ArticleSlugHistory.Where(h => h.ArticleId != articleId && (h.Slug == baseSlug || h.Slug.StartsWith(prefix)))
            .Select(h => h.Slug).ToListAsync(ct));
        // Articles added in this unit of work but not saved yet (an import batch) count as well.
        taken.UnionWith(db.ChangeTracker.Entries<Article>()
            .Where(e => e.State == EntityState.Added && !ReferenceEquals(e.Entity, self))
            .Select(e => e.Entity.Slug)
            .Where(s => s.Length > 0));

        if (!taken.Contains(baseSlug))
        {
            return baseSlug;
        }

        for (var n = 2; ; n++)
        {
            var candidate = prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private static bool IsNumberedVariant(string slug, string baseSlug) =>
        slug.Length > baseSlug.Length + 1 && baseSlug.Length > 0
        && slug.StartsWith(baseSlug + "-", StringComparison.Ordinal)
        && slug[(baseSlug.Length + 1)..].All(char.IsAsciiDigit);
}
