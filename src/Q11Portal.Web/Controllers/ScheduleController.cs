using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Q11Portal.Core.Common;
using Q11Portal.Core.Schedule;
using Q11Portal.Web.Infrastructure;
using Q11Portal.Web.Models;

namespace Q11Portal.Web.Controllers;

/// <summary>Lịch công tác: the Standing Committee's published week, with its neighbours, a week picker and a print
/// view. A week nobody published still answers (an empty frame), so a reader can page past it.</summary>
public sealed class ScheduleController(ScheduleService schedule, TimeProvider clock) : Controller
{
    /// <param name="pick">"2026-W49" from the week picker: redirects to that week's own address.</param>
    /// <param name="print">"?in=1": the print view.</param>
    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("lich-cong-tac")]
    public async Task<IActionResult> Current([FromQuery(Name = "tuan")] string? pick, [FromQuery(Name = "in")] string? print, CancellationToken ct)
    {
        var today = LocalTime.LocalDay(clock.GetUtcNow().UtcDateTime);
        var current = ScheduleWeekId.Of(today);
        if (pick is not null)
        {
            if (ScheduleWeekId.TryParse(pick, out var picked))
            {
                return Redirect("/lich-cong-tac/" + picked.UrlToken);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Show(current, today, print, ct,
                $"Không đọc được tuần “{pick}”. Hãy chọn tuần bằng ô chọn tuần, hoặc nhập theo dạng năm-W số tuần, ví dụ {current.InputValue}.", pick);
        }

        return await Show(current, today, print, ct);
    }

    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("lich-cong-tac/{week}")]
    public async Task<IActionResult> Week(string week, [FromQuery(Name = "in")] string? print, CancellationToken ct)
    {
        if (!ScheduleWeekId.TryParse(week, out var id))
        {
            return NotFound();
        }

        if (week != id.UrlToken)
        {
            // One address per week: "2026-W49" and "2026-w9" lead to "2026-w09".
            return RedirectPermanent("/lich-cong-tac/" + id.UrlToken + Request.QueryString.Value);
        }

        return await Show(id, LocalTime.LocalDay(clock.GetUtcNow().UtcDateTime), print, ct);
    }

    private async Task<IActionResult> Show(ScheduleWeekId week, DateOnly today, string? print, CancellationToken ct, string? error = null, string? typed = null)
    {
        var view = await schedule.GetPublishedAsync(week, ct);
        return View("Week", new ScheduleWeekViewModel(view, today, print is "1", error, typed));
    }
}
