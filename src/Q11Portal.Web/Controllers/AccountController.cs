using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Users;
using Q11Portal.Web.Infrastructure;
using Q11Portal.Web.Models;

namespace Q11Portal.Web.Controllers;

/// <summary>Staff sign-in and sign-out (the public site has no reader accounts).</summary>
[AllowAnonymous]
public sealed class AccountController(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    SignInThrottle throttle,
    TwoFactorAccounts twoFactor,
    AuditLog audit,
    IOptions<PortalIdentityOptions> identityOptions,
    ILogger<AccountController> logger) : Controller
{
    public const string DefaultTarget = "/admin";
    public const string LoginPath = "/dang-nhap";

    [HttpGet("/dang-nhap")]
    public IActionResult Login(string? returnUrl)
    {
        ViewData["Title"] = "Đăng nhập";
        return View(new LoginInput { ReturnUrl = LocalOrNull(returnUrl) });
    }

    [HttpPost("/dang-nhap")]
    public async Task<IActionResult> Login(LoginInput input, CancellationToken ct)
    {
        ViewData["Title"] = "Đăng nhập";
        input.ReturnUrl = LocalOrNull(input.ReturnUrl);
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var address = HttpContext.Connection.RemoteIpAddress;
        // Before the password is even looked at: an address over the limit learns nothing more.
        var allowed = await throttle.CheckAsync(address, ct);
        if (!allowed.Succeeded)
        {
            input.Password = string.Empty;
            return this.TooManyFailedSignIns(allowed, input);
        }

        var ip = address?.ToString();
        var user = await users.FindByEmailAsync(input.Email.Trim());
        if (user is null)
        {
            // The typed name is not stored: it may be a mistyped password.
            await throttle.RecordFailureAsync(address, ct);
            await audit.WriteAsync(null, AuditActions.LoginFailed, "User", null, $"Tài khoản không tồn tại; IP {ip}", ct);
            logger.LogWarning("Sign-in for an unknown account from {ClientIp}", ip);
            return Failed(input, "Email hoặc mật khẩu không đúng.");
        }

        var result = await signIn.PasswordSignInAsync(user, input.Password, input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await twoFactor.RecordSignInAsync(user);
            logger.LogInformation("Staff member {UserId} signed in", user.Id);
            return LocalRedirect(input.ReturnUrl ?? DefaultTarget);
        }

        if (result.RequiresTwoFactor)
        {
            // The password was right: Identity holds the account in its short-lived two-factor cookie for the next step.
            return LocalRedirect(TwoFactorSignInController.CodePath + TwoFactorSignInController.Query(input.ReturnUrl, input.RememberMe));
        }

        await throttle.RecordFailureAsync(address, ct);
        if (result.IsLockedOut)
        {
            await audit.WriteAsync(user.UserName, AuditActions.LoginLockedOut, "User", user.Id, $"IP {ip}", ct);
            return Failed(input, LockedOutMessage(user, identityOptions.Value));
        }

        await audit.WriteAsync(user.UserName, AuditActions.LoginFailed, "User", user.Id, $"Sai mật khẩu; IP {ip}", ct);
        logger.LogWarning("Wrong password for {UserId} from {ClientIp}", user.Id, ip);
        return Failed(input, result.IsNotAllowed ? "Tài khoản chưa được phép đăng nhập." : "Email hoặc mật khẩu không đúng.");
    }

    [HttpGet("/dang-xuat")]
    public IActionResult Logout()
    {
        ViewData["Title"] = "Đăng xuất";
        return User.Identity?.IsAuthenticated == true ? View() : Redirect("/");
    }

    [HttpPost("/dang-xuat")]
    public async Task<IActionResult> LogoutConfirmed()
    {
        await signIn.SignOutAsync();
        TempData["Message"] = "Bạn đã đăng xuất.";
        return Redirect(LoginPathWithMessage);
    }

    private const string LoginPathWithMessage = "/dang-nhap";

    /// <summary>Why a locked account cannot sign in: locked by an admin, or for a while after too many failures.</summary>
    public static string LockedOutMessage(PortalUser user, PortalIdentityOptions options) => user.IsDisabled
        ? "Tài khoản này đã bị khóa. Vui lòng liên hệ quản trị viên."
        : $"Tài khoản tạm khóa vì đăng nhập sai nhiều lần. Vui lòng thử lại sau {options.LockoutMinutes} phút.";

    private ViewResult Failed(LoginInput input, string message)
    {
        ModelState.AddModelError(string.Empty, message);
        input.Password = string.Empty;
        return View(input);
    }

    private string? LocalOrNull(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : null;
}
