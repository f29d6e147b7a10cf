using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Common;
using Q11Portal.Core.Users;
using Q11Portal.Web.Areas.Admin.Models;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>Staff accounts (Quản trị only): list, create, change role, lock and unlock, temporary passwords, resetting
/// someone's two-factor sign-in. Every change is audited.</summary>
[Route("admin/users")]
[Authorize(Policy = Policies.Admin)]
public sealed class UsersController(UserAdministration administration, UserManager<PortalUser> users, PasswordResets passwordResets, TwoFactorAccounts twoFactor)
    : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(new UsersPageViewModel(await administration.ListAsync(ct), users.GetUserId(User)));

    [HttpGet("create")]
    public IActionResult Create() => View(new CreateUserInput());

    [HttpPost("create")]
    public async Task<IActionResult> Create(CreateUserInput input, CancellationToken ct)
    {
        if (Roles.Parse(input.Role) is null)
        {
            ModelState.AddModelError(nameof(input.Role), "Vai trò không hợp lệ.");
        }

        if (!ModelState.IsValid)
        {
            input.Password = string.Empty;
            return View(input);
        }

        var created = await administration.CreateAsync(input.Email, input.DisplayName, input.Role, input.Password, ActorName, ct);
        if (!created.Succeeded)
        {
            input.Password = string.Empty;
            return await this.FormFailureAsync(created, () => Task.FromResult<IActionResult>(View(input)));
        }

        Flash($"Đã tạo tài khoản {input.Email}.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id}/role")]
    public async Task<IActionResult> SetRole(string id, string role, CancellationToken ct)
    {
        var result = await administration.SetRoleAsync(id, role ?? string.Empty, ActorName, ct);
        return Report(result, $"Đã đổi vai trò thành {Roles.DisplayName(Roles.Parse(role) ?? string.Empty)}.");
    }

    [HttpPost("{id}/lock")]
    public async Task<IActionResult> Lock(string id, CancellationToken ct)
    {
        if (id == users.GetUserId(User))
        {
            FlashError("Bạn không thể tự khóa tài khoản của mình.");
            return RedirectToAction(nameof(Index));
        }

        return Report(await administration.SetLockedAsync(id, true, ActorName, ct), "Đã khóa tài khoản; các phiên đăng nhập của người này sẽ kết thúc.");
    }

    [HttpPost("{id}/unlock")]
    public async Task<IActionResult> Unlock(string id, CancellationToken ct)
    {
        return Report(await administration.SetLockedAsync(id, false, ActorName, ct), "Đã mở khóa tài khoản.");
    }

    [HttpGet("{id}/temporary-password")]
    public async Task<IActionResult> TemporaryPassword(string id) =>
        await users.FindByIdAsync(id) is { } user ? View(new TemporaryPasswordInput { Email = user.Email ?? user.Id }) : NotFound();

    [HttpPost("{id}/temporary-password")]
    public async Task<IActionResult> TemporaryPassword([FromRoute] string id, TemporaryPasswordInput input, CancellationToken ct)
    {
        if (id == users.GetUserId(User))
        {
            FlashError("Hãy đổi mật khẩu của chính bạn ở trang Đổi mật khẩu.");
            return RedirectToAction(nameof(Index));
        }

        if (ModelState.IsValid)
        {
            var result = await passwordResets.SetPasswordAsync(id, input.NewPassword, temporary: true, ActorName, ct);
            if (result.Succeeded)
            {
                Flash($"Đã đặt mật khẩu tạm cho {input.Email}. Người này phải đổi mật khẩu ở lần đăng nhập tới; các phiên đang mở đã kết thúc.");
                return RedirectToAction(nameof(Index));
            }

            if (result.Outcome != Core.Common.Outcome.Invalid)
            {
                return this.Failure(result, () => RedirectToAction(nameof(Index)));
            }

            ModelState.AddModelError(nameof(input.NewPassword), result.Message ?? string.Empty);
        }

        input.NewPassword = string.Empty;
        return View(input);
    }

    [HttpPost("{id}/reset-two-factor")]
    public async Task<IActionResult> ResetTwoFactor([FromRoute] string id, CancellationToken ct)
    {
        if (id == users.GetUserId(User))
        {
            FlashError("Hãy quản lý xác thực hai bước của chính bạn ở trang Xác thực hai bước.");
            return RedirectToAction(nameof(Index));
        }

        return Report(await twoFactor.ResetByAdminAsync(id, ActorName, ct),
            "Đã đặt lại xác thực hai bước: người này đăng nhập lại bằng mật khẩu rồi cài đặt ứng dụng xác thực mới; các phiên đang mở đã kết thúc.");
    }

    private IActionResult Report(Result result, string success)
    {
        if (!result.Succeeded)
        {
            return this.Failure(result, () => RedirectToAction(nameof(Index)));
        }

        Flash(success);
        return RedirectToAction(nameof(Index));
    }
}
