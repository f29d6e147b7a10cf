using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Tags;

namespace Q11Portal.Core.Articles;

/// <summary>Copies a validated draft onto an article: text in NFC, body sanitized, slug and tags resolved.</summary>
public sealed class ArticleDraftApplier(PortalDbContext db, ArticleHtmlSanitizer sanitizer, ArticleSlugs slugs)
{
    /// <summary>Returns the names of the elements the sanitizer took out of the body, for the editor's notice.</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(Article article, ArticleDraft draft, bool isNew, CancellationToken ct)
    {
        var body = sanitizer.Clean(draft.BodyHtml, ct);
        article.Title = TextRules.Line(draft.Title);
        article.Summary = VietnameseText.Nfc(draft.Summary).Trim();
        article.BodyHtml = body.Html;
        article.CategoryId = draft.CategoryId;
        article.LeadImageId = draft.LeadImageId;
        article.LeadImageCaption = LineOrNull(draft.LeadImageCaption);
        article.Byline = LineOrNull(draft.Byline);
        article.Source = LineOrNull(draft.Source);
        if (article.Status is not (ArticleStatus.Published or ArticleStatus.Unpublished))
        {
            // The planned time; Publish and Schedule confirm it. A published article keeps its real publish time.
            article.PublishedAtUtc = draft.PublishAtUtc;
        }

        // Until it has been public its URL follows the title; afterwards only an explicit slug moves it (and the old
        // one redirects).
        var everPublic = !isNew && article.Status is ArticleStatus.Published or ArticleStatus.Unpublished;
        if (isNew || !string.IsNullOrWhiteSpace(draft.Slug) || !everPublic)
        {
            await slugs.AssignAsync(article, draft.Slug, ct);
        }

        await SetTagsAsync(article, draft.Tags, ct);
        ApplyEditorial(article, draft);
        return body.Removed;
    }

    /// <summary>Expiry, featured position and pinned related articles (the writer has already kept the article's own
    /// values for a reporter's save).</summary>
    private static void ApplyEditorial(Article article, ArticleDraft draft)
    {
        article.ExpiresAtUtc = draft.ExpiresAtUtc;
        article.IsFeatured = draft.IsFeatured;
        article.FeaturedOrder = draft.IsFeatured ? draft.FeaturedOrder : null;
        var pinned = draft.PinnedRelatedIds ?? [];
        article.PinnedRelated.RemoveAll(p => !pinned.Contains(p.PinnedArticleId));
        for (var i = 0; i < pinned.Count; i++)
        {
            var row = article.PinnedRelated.FirstOrDefault(p => p.PinnedArticleId == pinned[i]);
            if (row is null)
            {
                article.PinnedRelated.Add(row = new PinnedRelatedArticle { PinnedArticleId = pinned[i] });
            }

            row.Position = i + 1;
        }
    }

    /// <summary>Everything a save can change, as one comparable string: equal before and after means nothing to save.</summary>
    public static string Fingerprint(Article a) => string.Join('\u001f', a.Title, a.Summary, a.BodyHtml, a.CategoryId, a.LeadImageId, a.LeadImageCaption,
        a.Byline, a.Source, a.PublishedAtUtc?.Ticks, a.Slug,
        string.Join(',', a.ArticleTags.Select(t => t.Tag?.Slug ?? t.TagId.ToString(CultureInfo.InvariantCulture)).Order()),
        a.ExpiresAtUtc?.Ticks, a.IsFeatured, a.FeaturedOrder, a.CorrectionNote,
        string.Join(',', a.PinnedRelated.OrderBy(p => p.Position).Select(p => p.PinnedArticleId)));

    /// <summary>The text readers read (title, sapo, body) with runs of white space made one, so a re-save that only
    /// moved spaces or line breaks is not a change worth "Cập nhật lúc …".</summary>
    public static string ReadableText(Article a) =>
        Regex.Replace(string.Join('\u001f', a.Title, a.Summary, a.BodyHtml), @"\s+", " ").Trim();

    private async Task SetTagsAsync(Article article, IReadOnlyList<string> names, CancellationToken ct)
    {
        var wanted = names.Select(TextRules.Line).Select(n => (Name: n, Slug: Slug.From(n))).Where(t => t.Slug.Length > 0).DistinctBy(t => t.Slug).ToList();
        var wantedSlugs = wanted.Select(t => t.Slug).ToList();
        var existing = await db.Tags.Where(t => wantedSlugs.Contains(t.Slug)).ToListAsync(ct);
        var tags = wanted.Select(w => existing.FirstOrDefault(t => t.Slug == w.Slug) ?? db.Tags.Local.FirstOrDefault(t => t.Slug == w.Slug)
            ?? db.Tags.Add(new Tag { Name = w.Name, Slug = w.Slug }).Entity).ToList();

        article.ArticleTags.RemoveAll(at => !tags.Any(t => ReferenceEquals(t, at.Tag) || (t.Id != 0 && t.Id == at.TagId)));
        foreach (var tag in tags.Where(t => !article.ArticleTags.Any(at => ReferenceEquals(at.Tag, t) || (t.Id != 0 && at.TagId == t.Id))))
        {
            article.ArticleTags.Add(new ArticleTag { Article = article, Tag = tag });
        }
    }

    private static string? LineOrNull(string? text) => TextRules.Line(text) is { Length: > 0 } t ? t : null;
}
