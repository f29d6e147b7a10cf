namespace Q11Portal.Core.Pages;

/// <summary>A page of the site that is not news: Giới thiệu, Liên hệ, the privacy notice, and any page admins add
/// (served at /trang/{slug}). Its body is editor HTML, sanitized on save like an article's.</summary>
public class SitePage
{
    public int Id { get; set; }
    public string Slug { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    /// <summary>One line for search engines and link previews.</summary>
    public string? Summary { get; set; }
    public string BodyHtml { get; set; } = string.Empty;
    public PagePlacement Placement { get; set; }
    /// <summary>Order among the links of the same placement (smaller first).</summary>
    public int SortOrder { get; set; }
    public bool IsPublished { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public Guid Version { get; set; }
    public List<SitePageRevision> Revisions { get; set; } = [];
}

/// <summary>Where the page's link appears on every page.</summary>
public enum PagePlacement
{
    /// <summary>No link; reachable by its address (and links in other pages).</summary>
    None = 0,
    MainMenu = 1,
    Footer = 2,
}

/// <summary>The page as saved once: title and body, who and when.</summary>
public class SitePageRevision
{
    public int Id { get; set; }
    public int SitePageId { get; set; }
    public int Number { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserName { get; set; }
    public string Title { get; set; } = string.Empty;
    public string BodyHtml { get; set; } = string.Empty;
}
