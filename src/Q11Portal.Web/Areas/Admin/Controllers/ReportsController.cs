using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Reports;
using Q11Portal.Core.Users;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>The "Báo cáo" page of an article: reviewed document, reporting unit, period, topic and the key-figure rows
/// (add, remove, reorder — with plain submit buttons, so it works without JavaScript). Reporters may edit their own
/// drafts; editors any article.</summary>
[Route("admin/articles/{id:int}/report")]
public sealed class ReportsController(ReportService reports, TopicService topics, UserManager<PortalUser> users) : StaffControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var fields = await reports.GetAsync(id, ct);
        if (fields is null)
        {
            return NotFound();
        }

        if (!MayEdit(fields))
        {
            return Forbid();
        }

        return View(new ReportEditViewModel(fields.ArticleTitle, ReportInput.From(fields), await topics.ListAllAsync(ct)));
    }

    /// <summary>One form, several buttons: <c>command</c> is "save", "add", "remove:N", "up:N" or "down:N".</summary>
    [HttpPost("")]
    public async Task<IActionResult> Edit(int id, ReportInput input, string? command, CancellationToken ct)
    {
        var fields = await reports.GetAsync(id, ct);
        if (fields is null)
        {
            return NotFound();
        }

        if (!MayEdit(fields))
        {
            return Forbid();
        }

        input.Figures ??= [];
        var (verb, index) = ParseCommand(command);
        if (verb != "save")
        {
            ApplyRowCommand(input.Figures, verb, index);
            ModelState.Clear();
            return View(new ReportEditViewModel(fields.ArticleTitle, input, await topics.ListAllAsync(ct)));
        }

        var rows = new List<FigureInput>();
        for (var i = 0; i < input.Figures.Count; i++)
        {
            var row = input.Figures[i];
            if (string.IsNullOrWhiteSpace(row.Label) && string.IsNullOrWhiteSpace(row.Value) && string.IsNullOrWhiteSpace(row.Unit))
            {
                continue;
            }

            if (!FigureValue.TryParse(row.Value, out var value))
            {
                ModelState.AddModelError($"Figures[{i}].Value", $"Dòng {i + 1}: “{row.Value}” không phải là số (ví dụ hợp lệ: 70, 1.234 hoặc 12,5).");
                continue;
            }

            rows.Add(new FigureInput(row.Label ?? string.Empty, value, row.Unit));
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new ReportEditViewModel(fields.ArticleTitle, input, await topics.ListAllAsync(ct)));
        }

        var saved = await reports.SaveAsync(id, input.Version, input.IsReport, input.ReviewedDocument, input.ReportingUnit, input.ReportPeriod, input.TopicId, rows, ActorName, ct);
        if (!saved.Succeeded)
        {
            // The form comes back with what the person typed and the reason (a conflicting save included).
            ModelState.AddModelError(string.Empty, saved.Message!);
            Response.StatusCode = saved.Outcome.ToStatusCode();
            return View(new ReportEditViewModel(fields.ArticleTitle, input, await topics.ListAllAsync(ct)));
        }

        Flash("Đã lưu thông tin báo cáo và số liệu.");
        return RedirectToAction(nameof(Edit), new { id });
    }

    private bool MayEdit(ReportFields fields) =>
        User.IsInRole(Roles.Editor) || User.IsInRole(Roles.Admin)
        || (fields.CreatedById == users.GetUserId(User) && fields.Status is ArticleStatus.Draft or ArticleStatus.Returned);

    private static (string Verb, int Index) ParseCommand(string? command)
    {
        var parts = (command ?? "save").Split(':', 2);
        return (parts[0], parts.Length == 2 && int.TryParse(parts[1], out var i) ? i : -1);
    }

    internal static void ApplyRowCommand(List<FigureRowInput> rows, string verb, int index)
    {
        switch (verb)
        {
            case "add" when rows.Count < ReportService.MaxFigures:
                rows.Add(new FigureRowInput());
                break;
            case "remove" when index >= 0 && index < rows.Count:
                rows.RemoveAt(index);
                break;
            case "up" when index > 0 && index < rows.Count:
                (rows[index - 1], rows[index]) = (rows[index], rows[index - 1]);
                break;
            case "down" when index >= 0 && index < rows.Count - 1:
                (rows[index + 1], rows[index]) = (rows[index], rows[index + 1]);
                break;
        }
    }
}

public sealed class FigureRowInput
{
    public string? Label { get; set; }
    public string? Value { get; set; }
    public string? Unit { get; set; }
}

public sealed class ReportInput
{
    public Guid Version { get; set; }
    public bool IsReport { get; set; }
    public string? ReviewedDocument { get; set; }
    public string? ReportingUnit { get; set; }
    public string? ReportPeriod { get; set; }
    public int? TopicId { get; set; }
    public List<FigureRowInput> Figures { get; set; } = [];

    public static ReportInput From(ReportFields f) => new()
    {
        Version = f.Version,
        IsReport = f.IsReport,
        ReviewedDocument = f.ReviewedDocument,
        ReportingUnit = f.ReportingUnit,
        ReportPeriod = f.ReportPeriod,
        TopicId = f.TopicId,
        Figures = f.Figures.Select(x => new FigureRowInput { Label = x.Label, Value = FigureValue.ToInput(x.Value), Unit = x.Unit })
            .Append(new FigureRowInput()).ToList(),
    };
}

public sealed record ReportEditViewModel(string ArticleTitle, ReportInput Input, IReadOnlyList<TopicSummary> Topics);
