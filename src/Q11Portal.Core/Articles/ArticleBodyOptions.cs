using System.ComponentModel.DataAnnotations;

namespace Q11Portal.Core.Articles;

/// <summary>Limits on the shape of a rich body, checked before the sanitizer parses it: parsing, sanitizing and
/// rendering cost grows with nesting and element count, so one hostile body must not take a node's CPU for minutes.</summary>
public sealed class ArticleBodyOptions
{
    public const string SectionName = "ArticleBody";

    /// <summary>Deepest nesting of elements; real articles (tables in lists in quotes) stay far below it.</summary>
    [Range(8, 512)]
    public int MaxNestingDepth { get; set; } = 64;

    /// <summary>Most elements in one body; a very long article with many tables has a few thousand.</summary>
    [Range(100, 200_000)]
    public int MaxElements { get; set; } = 20_000;

    /// <summary>Longest one body may take to sanitize. The shape limits keep real and hostile bodies far below it; this
    /// bounds what they do not foresee: past it the save is refused with a message instead of holding a core.</summary>
    public TimeSpan SanitizeBudget { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The public address (PublicSite:BaseUrl): images and links on its host count as the portal's own.</summary>
    public string? SiteBaseUrl { get; set; }
}
