using AngleSharp.Html.Parser;

namespace Q11Portal.Core.Articles.Rendering;

/// <summary>The one rendering pipeline for article bodies: the stored, sanitized HTML is parsed once, every registered
/// <see cref="IArticleBodyTransform"/> runs over it in order, and it is serialised once. Without steps the stored body
/// is returned as it is, and so is a body no step applies to (<see cref="IArticleBodyTransform.AppliesToAsync"/>).</summary>
public sealed class ArticleBodyRenderer(IEnumerable<IArticleBodyTransform> transforms)
{
    private readonly IArticleBodyTransform[] steps = [.. transforms.OrderBy(t => t.Order)];

    /// <summary>The article as readers get it: the same details with the rendered body.</summary>
    public async Task<ArticleDetails> RenderAsync(ArticleDetails article, CancellationToken ct) =>
        article with { BodyHtml = await RenderAsync(article.BodyHtml, new ArticleBodyRenderContext(article.Id), ct) };

    public async Task<string> RenderAsync(string storedHtml, ArticleBodyRenderContext context, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(storedHtml))
        {
            return storedHtml;
        }

        // Parsing and serialising a body was most of an uncached article page's allocations; most bodies need no step.
        var applying = new List<IArticleBodyTransform>(steps.Length);
        foreach (var step in steps)
        {
            if (await step.AppliesToAsync(storedHtml, ct))
            {
                applying.Add(step);
            }
        }

        if (applying.Count == 0)
        {
            return storedHtml;
        }

        using var document = new HtmlParser().ParseDocument(storedHtml);
        var body = document.Body!;
        foreach (var step in applying)
        {
            await step.ApplyAsync(body, context, ct);
        }

        return body.InnerHtml;
    }
}
