using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Common;
using Q11Portal.Web.Infrastructure;
using Q11Portal.Web.Models;

namespace Q11Portal.Web.Controllers;

/// <summary>Xem theo ngày: a date picker (GET form) and one stable URL per local day.</summary>
public sealed class ArchiveController(ArticleService articles, TimeProvider clock) : Controller
{
    /// <summary>The archive's range; outside it a day cannot hold articles (and DateTime arithmetic stays safe).</summary>
    internal static readonly DateOnly FirstDay = new(2000, 1, 1);

    internal static readonly DateOnly LastDay = new(2099, 12, 31);

    private DateOnly Today => LocalTime.LocalDay(clock.GetUtcNow().UtcDateTime);

    [HttpGet("xem-theo-ngay")]
    public IActionResult Index([FromQuery(Name = "ngay")] string? day)
    {
        if (day is null)
        {
            return View(new ArchiveViewModel(null, Today, null, null, null));
        }

        if (!VietnameseDates.TryParseDay(day, out var parsed) || parsed < FirstDay || parsed > LastDay)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new ArchiveViewModel(null, Today, null, day, "Ngày không hợp lệ. Vui lòng chọn ngày theo dạng ngày/tháng/năm, ví dụ 01/06/2024."));
        }

        return RedirectToAction(nameof(Day), new { date = VietnameseDates.UrlDate(parsed) });
    }

    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("xem-theo-ngay/{date}")]
    public async Task<IActionResult> Day(string date, int page = 1, CancellationToken ct = default)
    {
        if (this.CheckPage(page) is { } bad)
        {
            return bad;
        }

        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            || day < FirstDay || day > LastDay)
        {
            return this.BadRequestPage($"Ngày \u201C{Truncate(date)}\u201D không hợp lệ. Địa chỉ đúng có dạng /xem-theo-ngay/năm-tháng-ngày, ví dụ /xem-theo-ngay/2024-06-01.");
        }

        var result = await articles.GetDayAsync(day, page, ArticleService.DefaultPageSize, ct);
        if (result.IsBeyondLastPage)
        {
            return this.NotFoundPage(PagingGuard.BeyondLastPage);
        }

        var path = $"/xem-theo-ngay/{VietnameseDates.UrlDate(day)}";
        var list = new ArticleListViewModel($"Tin ngày {VietnameseDates.LongDate(day)}", "Xem theo ngày", result, p => PagingGuard.WithPage(path, p))
        {
            EmptyText = "Không có tin nào được đăng trong ngày này.",
        };
        return View(nameof(Index), new ArchiveViewModel(day, Today, list, VietnameseDates.UrlDate(day), null));
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
