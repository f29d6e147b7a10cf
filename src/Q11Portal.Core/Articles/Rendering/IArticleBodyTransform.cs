using AngleSharp.Dom;

namespace Q11Portal.Core.Articles.Rendering;

/// <summary>One step of turning a stored body (sanitized once, on save) into what readers get: image sizes and
/// formats, links to the documents library… Steps change the parsed body in place; the stored body never changes, so
/// a new rule applies to every article at once.</summary>
public interface IArticleBodyTransform
{
    /// <summary>Steps run in ascending order (images at 100, links at 200).</summary>
    int Order { get; }

    /// <summary>False when the step would change nothing in this stored body (no picture, no document it can link): a
    /// body no step applies to is served as stored, without being parsed. It may say true and then change nothing.</summary>
    ValueTask<bool> AppliesToAsync(string storedHtml, CancellationToken ct);

    Task ApplyAsync(IElement body, ArticleBodyRenderContext context, CancellationToken ct);
}

/// <summary>What a step may need to know about the article being rendered.</summary>
public sealed record ArticleBodyRenderContext(int ArticleId);
