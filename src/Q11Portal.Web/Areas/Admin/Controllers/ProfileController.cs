using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Users;
using Q11Portal.Web.Areas.Admin.Models;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>The signed-in staff member's own account.</summary>
[Route("admin/profile")]
public sealed class ProfileController(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AuditLog audit, PasswordResets passwordResets)
    : StaffControllerBase
{
    [HttpGet("password")]
    public IActionResult Password() => View(new ChangePasswordInput());

    [HttpPost("password")]
    public async Task<IActionResult> Password(ChangePasswordInput input, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View(Cleared(input));
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // ChangePasswordAsync also renews the security stamp, which ends every other session at its next check.
        var result = await users.ChangePasswordAsync(user, input.CurrentPassword, input.NewPassword);
        if (!result.Succeeded)
        {
            var mismatch = result.Errors.Where(e => e.Code == "PasswordMismatch").Select(e => e.Description).ToList();
            var weak = result.Errors.Where(e => e.Code != "PasswordMismatch").Select(e => e.Description).ToList();
            if (mismatch.Count > 0)
            {
                ModelState.AddModelError(nameof(input.CurrentPassword), string.Join(" ", mismatch));
            }

            if (weak.Count > 0)
            {
                ModelState.AddModelError(nameof(input.NewPassword), string.Join(" ", weak));
            }

            return View(Cleared(input));
        }

        // Before the refresh, which rebuilds this session's claims: the temporary-password claim must be gone from it.
        var completed = await passwordResets.CompleteChangeAsync(user);
        if (!completed.Succeeded)
        {
            ModelState.AddModelError(string.Empty, completed.Message ?? "Không đổi được mật khẩu.");
            return View(Cleared(input));
        }

        await users.UpdateSecurityStampAsync(user);
        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync(user.UserName, AuditActions.PasswordChanged, "User", user.Id, null, ct);
        Flash("Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã bị đăng xuất.");
        return RedirectToAction(nameof(Password));
    }

    private static ChangePasswordInput Cleared(ChangePasswordInput input) => new();
}
