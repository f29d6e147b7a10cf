using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Data;
using Q11Portal.Core.Search;
using Q11Portal.Web.Models;

namespace Q11Portal.Web.Controllers;

/// <summary>Tìm kiếm: full-text search over the local index, with category and date filters and paging.</summary>
public sealed class SearchController(SearchService search, TitleSuggestions titles, PortalDbContext db, TimeProvider clock) : Controller
{
    public const int PageSize = 10;
    /// <summary>The type-ahead endpoint of the header's search box (rate-limited per address with /tim-kiem).</summary>
    public const string SuggestPath = "tim-kiem/goi-y";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy"];

    [HttpGet("tim-kiem")]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "q")] string? q,
        [FromQuery(Name = "chuyen-muc")] string? category,
        [FromQuery(Name = "tu-ngay")] string? from,
        [FromQuery(Name = "den-ngay")] string? to,
        [FromQuery(Name = "page")] string? page,
        [FromQuery(Name = "sap-xep")] string? sort,
        CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking()
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new SearchCategoryOption(c.Id, c.Name, c.Slug))
            .ToListAsync(ct);
        var model = new SearchPageViewModel
        {
            Query = SearchService.NormalizeQuery(q),
            Category = category?.Trim() ?? string.Empty,
            From = from?.Trim() ?? string.Empty,
            To = to?.Trim() ?? string.Empty,
            Categories = categories,
            Sort = sort?.Trim() ?? string.Empty,
        };

        var errors = new List<string>();
        var pageNumber = 1;
        if (!string.IsNullOrWhiteSpace(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) || pageNumber < 1 || pageNumber > SearchService.MaxResults))
        {
            errors.Add("Số trang không hợp lệ: số trang phải là một số nguyên dương.");
            pageNumber = 1;
        }

        var fromDay = ParseDay(model.From, "Từ ngày", errors);
        var toDay = ParseDay(model.To, "Đến ngày", errors);
        if (fromDay is { } f && toDay is { } t && f > t)
        {
            errors.Add("Khoảng thời gian không hợp lệ: “Từ ngày” phải trước hoặc bằng “Đến ngày”.");
        }

        var order = model.Sort switch
        {
            "" or SearchPageViewModel.SortRelevance => SearchSort.Relevance,
            SearchPageViewModel.SortNewest => SearchSort.Newest,
            _ => (SearchSort?)null,
        };
        if (order is null)
        {
            errors.Add("Cách sắp xếp không hợp lệ: chọn “Phù hợp nhất” hoặc “Mới nhất”.");
        }

        int? categoryId = null;
        if (model.Category.Length > 0)
        {
            categoryId = categories.FirstOrDefault(c => c.Slug == model.Category)?.Id;
            if (categoryId is null)
            {
                errors.Add("Chuyên mục đã chọn không tồn tại.");
            }
        }

        model.Errors = errors;
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(model);
        }

        if (model.Query.Length == 0)
        {
            return View(model);
        }

        model.Results = search.Search(new SearchRequest(model.Query, categoryId, fromDay, toDay, pageNumber, PageSize, Sort: order!.Value));
        if (model.Results.Hits.Count == 0 && model.Results.TotalHits > 0)
        {
            // A page beyond the last one: say so, and link back to the first.
            model.BeyondLastPage = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return View(model);
    }

    /// <summary>Titles for the header's search box as the reader types (a JSON array of {title, url}); the box works
    /// as a plain form without it.</summary>
    [HttpGet(SuggestPath)]
    public IActionResult Suggest([FromQuery(Name = "q")] string? q)
    {
        Response.Headers.CacheControl = "public, max-age=60";
        var suggestions = titles.Suggest(q).Select(s => new { title = s.Title, url = "/tin-tuc/" + s.Slug });
        return Json(suggestions);
    }

    private DateOnly? ParseDay(string value, string label, List<string> errors)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) &&
            day.Year >= 1990 && day <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(1))
        {
            return day;
        }

        errors.Add($"“{label}” không hợp lệ: hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/03/2024.");
        return null;
    }
}
