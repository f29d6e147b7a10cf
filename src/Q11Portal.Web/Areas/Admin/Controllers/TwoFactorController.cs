using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Users;
using Q11Portal.Web.Areas.Admin.Models;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>Hồ sơ → Xác thực hai bước: the signed-in staff member's own authenticator app and recovery codes.
/// Changes renew the security stamp (ending the account's other sessions); this session is refreshed to stay.</summary>
[Route(AccountHoldFilter.TwoFactorSetupPath)]
public sealed class TwoFactorController(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, TwoFactorAccounts twoFactor)
    : StaffControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : await PageAsync(user, new EnableTwoFactorInput());
    }

    [HttpPost("")]
    public async Task<IActionResult> Enable(EnableTwoFactorInput input, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return await PageAsync(user, new EnableTwoFactorInput());
        }

        var enabled = await twoFactor.EnableAsync(user, input.Code, ct);
        if (!enabled.Succeeded)
        {
            return await this.FormFailureAsync(enabled, () => PageAsync(user, new EnableTwoFactorInput()), nameof(input.Code));
        }

        await signIn.RefreshSignInAsync(user);
        return RecoveryCodes(enabled.Value!, "Đã bật xác thực hai bước.");
    }

    [HttpPost("recovery-codes")]
    public async Task<IActionResult> RegenerateRecoveryCodes(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var codes = await twoFactor.RegenerateRecoveryCodesAsync(user, ct);
        return codes.Succeeded
            ? RecoveryCodes(codes.Value!, "Đã tạo mã khôi phục mới; các mã cũ không còn dùng được.")
            : this.Failure(codes, () => RedirectToAction(nameof(Index)));
    }

    [HttpPost("disable")]
    public async Task<IActionResult> Disable(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var disabled = await twoFactor.DisableAsync(user, ct);
        if (!disabled.Succeeded)
        {
            return this.Failure(disabled, () => RedirectToAction(nameof(Index)));
        }

        await signIn.RefreshSignInAsync(user);
        Flash("Đã tắt xác thực hai bước. Mã khôi phục cũ và ứng dụng đã cài không còn dùng được.");
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Rendered straight from the POST, never stored for a redirect: the codes are shown this once.</summary>
    private ViewResult RecoveryCodes(IReadOnlyList<string> codes, string message)
    {
        ViewData["Message"] = message;
        return View(nameof(RecoveryCodes), codes);
    }

    private async Task<IActionResult> PageAsync(PortalUser user, EnableTwoFactorInput input)
    {
        var required = TwoFactorAccounts.IsRequiredFor(Roles.All.Where(User.IsInRole));
        var due = User.HasClaim(c => c.Type == PortalClaimsPrincipalFactory.SetupDueClaim);
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return View(nameof(Index), new TwoFactorPageViewModel(null, await users.CountRecoveryCodesAsync(user), required, due, input));
        }

        var setup = await twoFactor.GetSetupAsync(user);
        if (!setup.Succeeded)
        {
            return this.Failure(setup, () => RedirectToAction("Index", "Dashboard"));
        }

        if (setup.Value!.KeyCreated)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return View(nameof(Index), new TwoFactorPageViewModel(setup.Value, 0, required, due, input));
    }
}
