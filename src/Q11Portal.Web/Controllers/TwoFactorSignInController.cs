using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Users;
using Q11Portal.Web.Infrastructure;
using Q11Portal.Web.Models;

namespace Q11Portal.Web.Controllers;

/// <summary>The second step of signing in, for accounts with two-factor sign-in: a code from the authenticator app,
/// or one of the recovery codes. Reached only with Identity's short-lived two-factor cookie, which the password step
/// sets; wrong codes count against the address like wrong passwords, and against the account's lock-out.</summary>
[AllowAnonymous]
public sealed class TwoFactorSignInController(
    SignInManager<PortalUser> signIn,
    SignInThrottle throttle,
    TwoFactorAccounts twoFactor,
    AuditLog audit,
    IOptions<PortalIdentityOptions> identityOptions,
    ILogger<TwoFactorSignInController> logger) : Controller
{
    public const string CodePath = "/dang-nhap/xac-thuc-hai-buoc";
    public const string RecoveryPath = "/dang-nhap/ma-khoi-phuc";

    [HttpGet(CodePath)]
    public Task<IActionResult> Code(string? returnUrl, bool rememberMe) => FormAsync(nameof(Code), returnUrl, rememberMe);

    [HttpPost(CodePath)]
    public Task<IActionResult> Code(TwoFactorSignInInput input, CancellationToken ct) =>
        SignInAsync(nameof(Code), input, () => signIn.TwoFactorAuthenticatorSignInAsync(input.Code, input.RememberMe, rememberClient: false), ct);

    [HttpGet(RecoveryPath)]
    public Task<IActionResult> Recovery(string? returnUrl, bool rememberMe) => FormAsync(nameof(Recovery), returnUrl, rememberMe);

    [HttpPost(RecoveryPath)]
    public Task<IActionResult> Recovery(TwoFactorSignInInput input, CancellationToken ct) =>
        // Typed from paper: spaces are the reader's, not the code's.
        SignInAsync(nameof(Recovery), input, () => signIn.TwoFactorRecoveryCodeSignInAsync(input.Code.Replace(" ", string.Empty, StringComparison.Ordinal)), ct);

    /// <summary>The query string that carries the password step's return address and "remember me" to this one.</summary>
    public static string Query(string? returnUrl, bool rememberMe)
    {
        var query = QueryString.Empty;
        if (returnUrl is not null)
        {
            query = query.Add("returnUrl", returnUrl);
        }

        return (rememberMe ? query.Add("rememberMe", "true") : query).ToString();
    }

    private async Task<IActionResult> FormAsync(string view, string? returnUrl, bool rememberMe)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return Redirect(AccountController.LoginPath);
        }

        ViewData["Title"] = "Xác thực hai bước";
        return View(view, new TwoFactorSignInInput { ReturnUrl = LocalOrNull(returnUrl), RememberMe = rememberMe });
    }

    private async Task<IActionResult> SignInAsync(string view, TwoFactorSignInInput input, Func<Task<Microsoft.AspNetCore.Identity.SignInResult>> attempt, CancellationToken ct)
    {
        ViewData["Title"] = "Xác thực hai bước";
        input.ReturnUrl = LocalOrNull(input.ReturnUrl);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            TempData["Message"] = "Phiên đăng nhập đã hết hạn. Vui lòng nhập lại email và mật khẩu.";
            return Redirect(AccountController.LoginPath);
        }

        if (!ModelState.IsValid)
        {
            return View(view, input);
        }

        var address = HttpContext.Connection.RemoteIpAddress;
        var allowed = await throttle.CheckAsync(address, ct);
        if (!allowed.Succeeded)
        {
            return this.TooManyFailedSignIns(allowed, Cleared(input), view);
        }

        var result = await attempt();
        if (result.Succeeded)
        {
            await twoFactor.RecordSignInAsync(user);
            if (view == nameof(Recovery))
            {
                await audit.WriteAsync(user.UserName, AuditActions.RecoveryCodeUsed, "User", user.Id, $"IP {address}", ct);
            }

            logger.LogInformation("Staff member {UserId} signed in with a second factor", user.Id);
            return LocalRedirect(input.ReturnUrl ?? AccountController.DefaultTarget);
        }

        await throttle.RecordFailureAsync(address, ct);
        await audit.WriteAsync(user.UserName, AuditActions.TwoFactorFailed, "User", user.Id, $"{(view == nameof(Recovery) ? "Mã khôi phục" : "Mã xác thực")} sai; IP {address}", ct);
        logger.LogWarning("Wrong second-factor code for {UserId} from {ClientIp}", user.Id, address);
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? AccountController.LockedOutMessage(user, identityOptions.Value)
            : view == nameof(Recovery)
                ? "Mã khôi phục không đúng hoặc đã được dùng."
                : "Mã xác thực không đúng, đã hết hạn hoặc đã được dùng. Hãy nhập mã mới trên ứng dụng.");
        return View(view, Cleared(input));
    }

    private static TwoFactorSignInInput Cleared(TwoFactorSignInInput input) => new() { ReturnUrl = input.ReturnUrl, RememberMe = input.RememberMe };

    private string? LocalOrNull(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : null;
}
