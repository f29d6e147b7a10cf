using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Common;
using Q11Portal.Core.Reports;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>Chuyên đề: editors create topic pages that gather reports (public at /chuyen-de/{slug}).</summary>
[Route("admin/topics")]
public sealed class TopicsController(TopicService topics) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(new TopicsAdminViewModel(await topics.ListAllAsync(ct), new TopicInput { IsPublished = true }));

    [HttpPost("create")]
    public async Task<IActionResult> Create(TopicInput input, CancellationToken ct)
    {
        var created = await topics.CreateAsync(input.Title, input.Slug, input.Description, input.IsPublished, ActorName, ct);
        if (!created.Succeeded)
        {
            ModelState.AddModelError(string.Empty, created.Message!);
            Response.StatusCode = created.Outcome.ToStatusCode();
            return View(nameof(Index), new TopicsAdminViewModel(await topics.ListAllAsync(ct), input));
        }

        Flash($"Đã tạo chuyên đề “{input.Title?.Trim()}”.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, TopicInput input, CancellationToken ct)
    {
        var saved = await topics.UpdateAsync(id, input.Title, input.Slug, input.Description, input.IsPublished, input.SortOrder, ActorName, ct);
        return Done(saved, "Đã lưu chuyên đề.");
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        var deleted = await topics.DeleteAsync(id, ActorName, ct);
        return Done(deleted, "Đã xóa chuyên đề.");
    }

    /// <summary>Back to the list with the outcome as a flash message (a topic deleted meanwhile included).</summary>
    private RedirectToActionResult Done(Result result, string success)
    {
        if (result.Succeeded)
        {
            Flash(success);
        }
        else
        {
            FlashError(result.Message!);
        }

        return RedirectToAction(nameof(Index));
    }
}

public sealed class TopicInput
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Description { get; set; }
    /// <summary>False when the checkbox is not sent (unchecked).</summary>
    public bool IsPublished { get; set; }
    public int SortOrder { get; set; }
}

public sealed record TopicsAdminViewModel(IReadOnlyList<TopicSummary> Topics, TopicInput NewTopic);
