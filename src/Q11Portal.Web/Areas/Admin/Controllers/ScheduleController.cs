using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Common;
using Q11Portal.Core.Schedule;
using Q11Portal.Web.Areas.Admin.Models;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>Lịch công tác: editors draft a week, publish it, adjust it after publishing, and read its history.</summary>
[Route("admin/schedule")]
public sealed class ScheduleController(ScheduleService schedule, ScheduleEditor editor, TimeProvider clock) : AdminControllerBase
{
    private const int PageSize = 20;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default) => await ListView(page, null, ct);

    /// <param name="week">"2026-W49" from the week picker.</param>
    [HttpPost("create")]
    public async Task<IActionResult> Create(string? week, bool copyPrevious, CancellationToken ct)
    {
        if (!ScheduleWeekId.TryParse(week, out var id))
        {
            ModelState.AddModelError("week", $"Không đọc được tuần “{week}”; hãy chọn tuần bằng ô chọn tuần (dạng {Today.Year}-W01).");
            return await ListView(1, week, ct, StatusCodes.Status400BadRequest);
        }

        var created = await editor.CreateWeekAsync(id, copyPrevious, ActorName, ct);
        if (!created.Succeeded)
        {
            return await this.FormFailureAsync(created, () => ListView(1, week, ct, StatusCodes.Status409Conflict));
        }

        return Redirect($"/admin/schedule/{created.Value}");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, int? entry, CancellationToken ct)
    {
        var week = await schedule.GetForEditAsync(id, ct);
        var open = entry is { } entryId ? week?.Days.SelectMany(d => d.Entries).SingleOrDefault(e => e.Id == entryId) : null;
        if (week is null || (entry is not null && open is null))
        {
            return NotFound();
        }

        return WeekView(week, open is null ? NewEntryForm(week) : ScheduleEntryForm.From(open), open?.Id, week.Note);
    }

    [HttpPost("{id:int}/note")]
    public async Task<IActionResult> Note(int id, string? note, CancellationToken ct)
    {
        var result = await editor.UpdateNoteAsync(id, note, ActorName, ct);
        if (!result.Succeeded)
        {
            return await this.FormFailureAsync(result, () => WeekAgainAsync(id, null, null, note, ct));
        }

        Flash("Đã lưu ghi chú của tuần.");
        return Redirect($"/admin/schedule/{id}");
    }

    [HttpPost("{id:int}/entries")]
    public async Task<IActionResult> AddEntry(int id, ScheduleEntryForm form, CancellationToken ct)
    {
        var result = Check(form, out var input) ?? await editor.AddEntryAsync(id, input!, ActorName, ct);
        if (!result.Succeeded)
        {
            return await this.FormFailureAsync(result, () => WeekAgainAsync(id, form, null, null, ct));
        }

        Flash("Đã thêm mục vào lịch tuần.");
        return Redirect($"/admin/schedule/{id}#ngay-{form.Day}");
    }

    [HttpPost("entries/{entryId:int}/edit")]
    public async Task<IActionResult> EditEntry(int entryId, ScheduleEntryForm form, CancellationToken ct)
    {
        var weekId = await schedule.WeekOfEntryAsync(entryId, ct);
        if (weekId == 0)
        {
            return NotFound();
        }

        var result = Check(form, out var input) ?? await editor.UpdateEntryAsync(entryId, input!, ActorName, ct);
        if (!result.Succeeded)
        {
            return await this.FormFailureAsync(result, () => WeekAgainAsync(weekId, form, entryId, null, ct));
        }

        Flash("Đã lưu mục lịch.");
        return Redirect($"/admin/schedule/{weekId}#muc-{entryId}");
    }

    /// <summary>Deletes an entry of a draft; on a published week marks it cancelled (readers see it struck through).</summary>
    [HttpPost("entries/{entryId:int}/remove")]
    public async Task<IActionResult> RemoveEntry(int entryId, CancellationToken ct)
    {
        var weekId = await schedule.WeekOfEntryAsync(entryId, ct);
        if (weekId == 0)
        {
            return NotFound();
        }

        var result = await editor.RemoveEntryAsync(entryId, ActorName, ct);
        if (!result.Succeeded)
        {
            return this.Failure(result, () => Redirect($"/admin/schedule/{weekId}"));
        }

        Flash("Đã xóa (hoặc đánh dấu hủy) mục lịch.");
        return Redirect($"/admin/schedule/{weekId}");
    }

    [HttpPost("{id:int}/publish")]
    public async Task<IActionResult> Publish(int id, CancellationToken ct) =>
        Done(await editor.PublishAsync(id, ActorName, ct), id, "Đã công bố lịch tuần; người đọc đã xem được trên trang Lịch công tác.");

    [HttpPost("{id:int}/withdraw")]
    public async Task<IActionResult> Withdraw(int id, CancellationToken ct) =>
        Done(await editor.WithdrawAsync(id, ActorName, ct), id, "Đã thu hồi lịch tuần; người đọc không còn xem được. Lịch sử thay đổi vẫn được giữ.");

    [HttpGet("{id:int}/history")]
    public async Task<IActionResult> History(int id, CancellationToken ct)
    {
        var week = await schedule.GetForEditAsync(id, ct);
        if (week is null)
        {
            return NotFound();
        }

        ViewData["Title"] = $"Lịch sử lịch công tác {week.Week.Label}";
        return View("History", new ScheduleHistoryViewModel(week, await schedule.ListRevisionsAsync(id, ct)));
    }

    [HttpGet("{id:int}/history/{number:int}")]
    public async Task<IActionResult> Revision(int id, int number, CancellationToken ct)
    {
        var revision = await schedule.GetRevisionAsync(id, number, ct);
        if (revision is null)
        {
            return NotFound();
        }

        ViewData["Title"] = $"Phiên bản {number} — {revision.Week.Week.Label}";
        return View("Revision", revision);
    }

    private IActionResult Done(Result result, int id, string message)
    {
        if (!result.Succeeded)
        {
            return this.Failure(result, () => Redirect($"/admin/schedule/{id}"));
        }

        Flash(message);
        return Redirect($"/admin/schedule/{id}");
    }

    /// <summary>Binding problems (a session that is not one) and unreadable day or time, as one Vietnamese refusal.</summary>
    private Result? Check(ScheduleEntryForm form, out ScheduleEntryInput? input)
    {
        input = null;
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            return Result.Invalid("Buổi đã chọn không hợp lệ; hãy chọn sáng, chiều hoặc tối.");
        }

        (input, var problem) = form.ToInput();
        return problem is null ? null : Result.Invalid(problem);
    }

    private async Task<IActionResult> WeekAgainAsync(int id, ScheduleEntryForm? form, int? entryId, string? note, CancellationToken ct)
    {
        var week = await schedule.GetForEditAsync(id, ct);
        if (week is null)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return WeekView(week, form ?? NewEntryForm(week), entryId, note ?? week.Note);
    }

    private ViewResult WeekView(ScheduleWeekView week, ScheduleEntryForm form, int? entryId, string? note)
    {
        ViewData["Title"] = $"Lịch công tác {week.Week.Label}";
        return View("Edit", new ScheduleAdminWeekViewModel(week, form, entryId, Today, note));
    }

    private ScheduleEntryForm NewEntryForm(ScheduleWeekView week) => new()
    {
        Day = VietnameseDates.UrlDate(week.Week.Contains(Today) ? Today : week.Week.Monday),
        Session = ScheduleSession.Morning,
    };

    private async Task<IActionResult> ListView(int page, string? typedWeek, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        ViewData["Title"] = "Lịch công tác";
        Response.StatusCode = status;
        return View("Index", new ScheduleAdminListViewModel(await schedule.ListAsync(page, PageSize, ct), ScheduleWeekId.Of(Today), typedWeek));
    }

    private DateOnly Today => LocalTime.LocalDay(clock.GetUtcNow().UtcDateTime);
}
