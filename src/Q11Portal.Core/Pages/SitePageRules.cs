namespace Q11Portal.Core.Pages;

/// <summary>The addresses of site pages. Three pages have addresses of their own, the ones every portal of a Party
/// committee carries; any other page lives under /trang/.</summary>
public static class SitePageRules
{
    public const int TitleMaxLength = 200;
    public const int SlugMaxLength = 100;
    public const int SummaryMaxLength = 300;

    public const string AboutSlug = "gioi-thieu";
    public const string ContactSlug = "lien-he";
    public const string PrivacySlug = "chinh-sach-rieng-tu";

    /// <summary>The pages the site's own features link to (the letter form, the comment form); they cannot be deleted
    /// or renamed, only edited.</summary>
    public static readonly IReadOnlySet<string> SystemSlugs = new HashSet<string>([AboutSlug, ContactSlug, PrivacySlug], StringComparer.Ordinal);

    public static bool IsSystem(string slug) => SystemSlugs.Contains(slug);

    /// <summary>"/gioi-thieu" for a system page, "/trang/{slug}" for the others.</summary>
    public static string Url(string slug) => IsSystem(slug) ? "/" + slug : "/trang/" + slug;

    public static string PlacementName(PagePlacement placement) => placement switch
    {
        PagePlacement.MainMenu => "Menu chính",
        PagePlacement.Footer => "Chân trang",
        _ => "Không hiện liên kết",
    };
}
