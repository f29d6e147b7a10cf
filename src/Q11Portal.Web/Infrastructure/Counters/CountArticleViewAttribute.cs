namespace Q11Portal.Web.Infrastructure.Counters;

/// <summary>Marks the public article page: a successful GET of it counts a view of the article named by the
/// route value <see cref="SlugRouteValue"/> (or by <see cref="CounterHttpContextExtensions.SetCountedArticle"/>),
/// also when the page is answered from the output cache.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class CountArticleViewAttribute(string slugRouteValue = "slug") : Attribute
{
    public string SlugRouteValue { get; } = slugRouteValue;
}

/// <summary>Pages that are not reading (a preview, a form result) and should not count as a page of a visit.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class NotCountedAttribute : Attribute;

public static class CounterHttpContextExtensions
{
    internal const string ArticleIdItem = "Q11.Counters.ArticleId";

    /// <summary>Tells the counter which article this request showed, saving it a slug lookup.</summary>
    public static void SetCountedArticle(this HttpContext context, int articleId) => context.Items[ArticleIdItem] = articleId;
}
