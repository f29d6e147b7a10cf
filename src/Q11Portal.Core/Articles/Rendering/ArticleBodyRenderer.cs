using AngleSharp.Html.Parser;

namespace Q11Portal.Core.Articles.Rendering;

/// <summary>The one rendering pipeline for article bodies: the stored, sanitized HTML is parsed once, every registered
/// <see cref="IArticleBodyTransform"/> runs over it in order, and it is serialised once. Without steps the stored body
/// is returned as it is.</summary>
public sealed class ArticleBodyRenderer(IEnumerable<IArticleBodyTransform> transforms)
{
    private readonly IArticleBodyTransform[] steps = [.. transforms.OrderBy(t => t.Order)];

    /// <summary>The article as readers get it: the same details with the rendered body.</summary>
    public async Task<ArticleDetails> RenderAsync(ArticleDetails article, CancellationToken ct) =>
        article with { BodyHtml = await RenderAsync(article.BodyHtml, new ArticleBodyRenderContext(article.Id), ct) };

    public async Task<string> RenderAsync(string storedHtml, ArticleBodyRenderContext context, CancellationToken ct)
    {
        if (steps.Length == 0 || string.IsNullOrEmpty(storedHtml))
        {
            return storedHtml;
        }

        using var document = new HtmlParser().ParseDocument(storedHtml);
        var body = document.Body!;
        foreach (var step in steps)
        {
            await step.ApplyAsync(body, context, ct);
        }

        return body.InnerHtml;
    }
}
