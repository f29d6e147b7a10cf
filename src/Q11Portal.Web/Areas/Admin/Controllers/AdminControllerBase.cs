using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Users;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>Base of every admin-area controller that any staff member (Phóng viên and up) may use.
/// Policies add up: a controller or action that needs more adds its own <c>[Authorize(Policy = …)]</c>.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Reporter)]
public abstract class StaffControllerBase : Controller
{
    /// <summary>The signed-in user's name as the audit log stores it.</summary>
    protected string? ActorName => User.Identity?.Name;

    protected void Flash(string message) => TempData["Message"] = message;

    protected void FlashError(string message) => TempData["Error"] = message;
}

/// <summary>Base of admin-area controllers for editors (Biên tập) and admins; user management and the audit log
/// add <c>[Authorize(Policy = Policies.Admin)]</c>.</summary>
[Authorize(Policy = Policies.Editor)]
public abstract class AdminControllerBase : StaffControllerBase;
