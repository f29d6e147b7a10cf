using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Reports;

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
        var (_, error) = await topics.CreateAsync(input.Title, input.Slug, input.Description, input.IsPublished, ActorName, ct);
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), new TopicsAdminViewModel(await topics.ListAllAsync(ct), input));
        }

        Flash($"Đã tạo chuyên đề “{input.Title?.Trim()}”.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, TopicInput input, CancellationToken ct)
    {
        var error = await topics.UpdateAsync(id, input.Title, input.Slug, input.Description, input.IsPublished, input.SortOrder, ActorName, ct);
        if (error is null)
        {
            Flash("Đã lưu chuyên đề.");
        }
        else
        {
            FlashError(error);
        }

        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        var error = await topics.DeleteAsync(id, ActorName, ct);
        if (error is null)
        {
            Flash("Đã xóa chuyên đề.");
        }
        else
        {
            FlashError(error);
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
