using Q11Portal.Core.Search;

namespace Q11Portal.Web.Models;

public sealed record SearchCategoryOption(int Id, string Name, string Slug);

public sealed class SearchPageViewModel
{
    public const string SortRelevance = "lien-quan";
    public const string SortNewest = "moi-nhat";

    public string Query { get; init; } = string.Empty;
    public string Category { get; init; } = string.Empty;
    public string From { get; init; } = string.Empty;
    public string To { get; init; } = string.Empty;
    /// <summary>"moi-nhat" for newest first; empty (or "lien-quan") for best match first.</summary>
    public string Sort { get; init; } = string.Empty;
    public IReadOnlyList<SearchCategoryOption> Categories { get; init; } = [];
    public IReadOnlyList<string> Errors { get; set; } = [];
    public SearchResults? Results { get; set; }
    public bool BeyondLastPage { get; set; }

    public bool HasFilters => Category.Length > 0 || From.Length > 0 || To.Length > 0;

    /// <summary>The address of another page of the same search.</summary>
    public string PageUrl(int page) => Url(Query, page, Sort);

    /// <summary>The same search in the other order, from its first page.</summary>
    public string SortUrl(string sort) => Url(Query, 1, sort);

    /// <summary>The same filters with other words ("Có phải bạn muốn tìm").</summary>
    public string QueryUrl(string query) => Url(query, 1, Sort);

    public bool IsNewestFirst => Sort == SortNewest;

    private string Url(string text, int page, string sort)
    {
        var query = new List<KeyValuePair<string, string?>> { new("q", text) };
        if (Category.Length > 0)
        {
            query.Add(new("chuyen-muc", Category));
        }

        if (From.Length > 0)
        {
            query.Add(new("tu-ngay", From));
        }

        if (To.Length > 0)
        {
            query.Add(new("den-ngay", To));
        }

        if (sort == SortNewest)
        {
            query.Add(new("sap-xep", SortNewest));
        }

        if (page > 1)
        {
            query.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return "/tim-kiem" + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }
}
