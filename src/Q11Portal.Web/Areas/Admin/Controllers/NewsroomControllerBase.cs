using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Common;
using Q11Portal.Core.Users;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>What the newsroom's controllers share: the signed-in person as Core's <see cref="StaffActor"/>, who may
/// open which article, and the answer to a refused step that has no form to show again.</summary>
public abstract class NewsroomControllerBase : StaffControllerBase
{
    protected StaffActor Actor()
    {
        var role = Roles.All.Reverse().FirstOrDefault(User.IsInRole);
        return new StaffActor(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, User.Identity?.Name ?? string.Empty, role);
    }

    /// <summary>Editors and admins open every article; a reporter opens the articles he or she wrote (another
    /// reporter's draft is not theirs to read before it is published).</summary>
    protected bool MayOpen(string? createdById)
    {
        var actor = Actor();
        return Roles.Rank(actor.Role) >= Roles.Rank(Roles.Editor) || (createdById is not null && createdById == actor.UserId);
    }

    protected IActionResult NotTheirs() =>
        this.StatusWithDetail(StatusCodes.Status403Forbidden, "Phóng viên chỉ mở được bài do chính mình viết. Bài này do người khác viết; hãy nhờ Biên tập viên nếu cần.");

    /// <summary>A refused step from a button (no form to show again): 404, 403 with the reason, a conflict as a flash
    /// on <paramref name="back"/> with <paramref name="conflictAdvice"/> after Core's sentence, anything else 400.</summary>
    protected IActionResult Refused(Result result, Func<IActionResult> back, string? conflictAdvice = null, string? notFound = null)
    {
        switch (result.Outcome)
        {
            case Outcome.NotFound:
                return notFound is null ? NotFound() : this.NotFoundPage(notFound);
            case Outcome.Forbidden:
                return this.StatusWithDetail(StatusCodes.Status403Forbidden, result.Message!);
            case Outcome.Conflict:
                FlashError(conflictAdvice is null ? result.Message! : $"{result.Message} {conflictAdvice}");
                return back();
            default:
                // The article's state does not allow the step (someone else moved it on, or a forged request).
                return this.BadRequestPage(result.Message!);
        }
    }
}
