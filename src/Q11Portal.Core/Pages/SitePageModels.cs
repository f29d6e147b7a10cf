namespace Q11Portal.Core.Pages;

/// <summary>What an admin typed for a page. <see cref="Slug"/> empty means "from the title".</summary>
public sealed record SitePageInput(string? Title, string? Slug, string? Summary, string? BodyHtml, PagePlacement Placement, int SortOrder, bool IsPublished);

public sealed record SitePageView(int Id, string Slug, string Title, string? Summary, string BodyHtml, PagePlacement Placement, int SortOrder,
    bool IsPublished, DateTime UpdatedAtUtc, string? UpdatedBy, Guid Version)
{
    public string Url => SitePageRules.Url(Slug);

    public bool IsSystem => SitePageRules.IsSystem(Slug);
}

public sealed record SitePageLink(string Title, string Url);

/// <summary>A saved page: its id and, when the sanitizer took something out, the editor's notice.</summary>
public sealed record SitePageSaved(int Id, string? Notice);

public sealed record SitePageRevisionSummary(int Number, DateTime AtUtc, string? UserName, string Title);

public sealed record SitePageRevisionView(SitePageRevisionSummary Revision, string BodyHtml);
