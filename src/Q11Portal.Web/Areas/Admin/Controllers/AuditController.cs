using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Users;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>Nhật ký hoạt động: who did what and when (Quản trị only).</summary>
[Route("admin/audit")]
[Authorize(Policy = Policies.Admin)]
public sealed class AuditController(AuditQuery audit) : AdminControllerBase
{
    // "action" is also MVC's route value (the action's name), which model binding would read before the query string.
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "action")] string? kind, string? user, DateOnly? from, DateOnly? to, int page = 1, CancellationToken ct = default)
    {
        if (from is { } f && to is { } t && f > t)
        {
            (from, to) = (to, from);
        }

        var filter = new AuditFilter(kind, user, from, to, page);
        ViewData["Title"] = "Nhật ký hoạt động";
        return View((filter, await audit.SearchAsync(filter, ct)));
    }
}
