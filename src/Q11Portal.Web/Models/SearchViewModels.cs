using Q11Portal.Core.Search;

namespace Q11Portal.Web.Models;

public sealed record SearchCategoryOption(int Id, string Name, string Slug);

public sealed class SearchPageViewModel
{
    public string Query { get; init; } = string.Empty;
    public string Category { get; init; } = string.Empty;
    public string From { get; init; } = string.Empty;
    public string To { get; init; } = string.Empty;
    public IReadOnlyList<SearchCategoryOption> Categories { get; init; } = [];
    public IReadOnlyList<string> Errors { get; set; } = [];
    public SearchResults? Results { get; set; }
    public bool BeyondLastPage { get; set; }

    public bool HasFilters => Category.Length > 0 || From.Length > 0 || To.Length > 0;

    /// <summary>The address of another page of the same search.</summary>
    public string PageUrl(int page)
    {
        var query = new List<KeyValuePair<string, string?>> { new("q", Query) };
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

        if (page > 1)
        {
            query.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return "/tim-kiem" + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }
}
