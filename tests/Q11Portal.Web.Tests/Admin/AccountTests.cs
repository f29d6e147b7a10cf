using System.Net;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Users;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Admin;

public sealed class AccountTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_WithRightPassword_GoesToLocalReturnUrl()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var email = await Staff.CreateAsync(app, Roles.Editor);
        var client = Staff.Client(app);

        var response = await Staff.LoginAsync(client, email, Staff.Password, "/admin/profile/password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/profile/password", response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task Login_WithForeignReturnUrl_StaysOnSite(string returnUrl)
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var email = await Staff.CreateAsync(app, Roles.Reporter);
        var client = Staff.Client(app);

        var response = await Staff.LoginAsync(client, email, Staff.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksAccountAndAuditsFailures()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var email = await Staff.CreateAsync(app, Roles.Editor);
        var client = Staff.Client(app);

        for (var i = 0; i < 5; i++)
        {
            var wrong = await Staff.LoginAsync(client, email, "sai-mat-khau-" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var locked = await Staff.LoginAsync(client, email, Staff.Password);
        var html = await locked.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("Tài khoản tạm khóa", html);

        await using var db = app.Database.CreateContext();
        var actions = await db.AuditEntries.Where(a => a.UserName == email).Select(a => a.Action).ToListAsync(Ct);
        Assert.Equal(4, actions.Count(a => a == AuditActions.LoginFailed));
        Assert.Contains(AuditActions.LoginLockedOut, actions);
    }

    [Fact]
    public async Task Login_UnknownAccount_GenericMessageAndAuditedWithoutTypedName()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var client = Staff.Client(app);

        var response = await Staff.LoginAsync(client, "khong-ai@q11.test", "mot-mat-khau-bat-ky");

        Assert.Contains("Email hoặc mật khẩu không đúng.", await response.Content.ReadAsStringAsync(Ct));
        await using var db = app.Database.CreateContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.LoginFailed, Ct);
        Assert.Null(entry.UserName);
        Assert.DoesNotContain("khong-ai", entry.Details);
    }

    [Fact]
    public async Task ChangePassword_EndsOtherSessions_KeepsCurrentOne()
    {
        await using var app = await PortalAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Identity:SecurityStampCheckSeconds"] = "0" });
        var email = await Staff.CreateAsync(app, Roles.Reporter);
        var phone = Staff.Client(app);
        var office = Staff.Client(app);
        await Staff.LoginAsync(phone, email, Staff.Password);
        await Staff.LoginAsync(office, email, Staff.Password);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/admin", Ct)).StatusCode);

        var changed = await Staff.PostFormAsync(office, "/admin/profile/password", "/admin/profile/password",
        [
            new("CurrentPassword", Staff.Password),
            new("NewPassword", "mua-thu-ha-noi-rat-dep"),
            new("ConfirmPassword", "mua-thu-ha-noi-rat-dep"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/admin", Ct)).StatusCode);
        var stale = await phone.GetAsync("/admin", Ct);
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Contains("/dang-nhap", stale.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.LoginAsync(Staff.Client(app), email, "mua-thu-ha-noi-rat-dep")).StatusCode);
    }

    [Theory]
    [InlineData("ngan", "Mật khẩu phải có ít nhất 10 ký tự.")]
    [InlineData("matkhau123", "quá phổ biến")]
    [InlineData("aaaaaaaaaaaa", "lặp lại một ký tự")]
    public async Task ChangePassword_WeakPassword_RefusedWithVietnameseReason(string weak, string message)
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var client = await Staff.SignedInAsync(app, Roles.Editor);

        var response = await Staff.PostFormAsync(client, "/admin/profile/password", "/admin/profile/password",
            [new("CurrentPassword", Staff.Password), new("NewPassword", weak), new("ConfirmPassword", weak)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task AdminUsers_LockingAUser_EndsTheirSessionAndRefusesLogin()
    {
        await using var app = await PortalAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Identity:SecurityStampCheckSeconds"] = "0" });
        var admin = await Staff.SignedInAsync(app, Roles.Admin);
        var email = await Staff.CreateAsync(app, Roles.Reporter);
        var reporter = Staff.Client(app);
        await Staff.LoginAsync(reporter, email, Staff.Password);
        string id;
        await using (var db = app.Database.CreateContext())
        {
            id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
        }

        var locked = await Staff.PostFormAsync(admin, "/admin/users", $"/admin/users/{id}/lock", []);

        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await reporter.GetAsync("/admin", Ct)).StatusCode);
        var again = await Staff.LoginAsync(Staff.Client(app), email, Staff.Password);
        Assert.Contains("đã bị khóa", await again.Content.ReadAsStringAsync(Ct));
        await using (var db = app.Database.CreateContext())
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.UserLocked && a.EntityId == id, Ct));
        }
    }

    [Fact]
    public async Task AdminUsers_ChangeRole_IsAuditedAndTakesEffect()
    {
        await using var app = await PortalAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Identity:SecurityStampCheckSeconds"] = "0" });
        var admin = await Staff.SignedInAsync(app, Roles.Admin);
        var email = await Staff.CreateAsync(app, Roles.Reporter);
        var user = Staff.Client(app);
        await Staff.LoginAsync(user, email, Staff.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/admin/users", Ct)).StatusCode);
        string id;
        await using (var db = app.Database.CreateContext())
        {
            id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
        }

        await Staff.PostFormAsync(admin, "/admin/users", $"/admin/users/{id}/role", [new("role", Roles.Admin)]);

        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/admin/users", Ct)).StatusCode);
        await using (var db = app.Database.CreateContext())
        {
            var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.UserRoleChanged && a.EntityId == id, Ct);
            Assert.Contains("Phóng viên → Quản trị", entry.Details);
        }
    }

    [Fact]
    public async Task Forbidden_ShowsVietnamese403Page()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var client = await Staff.SignedInAsync(app, Roles.Reporter);

        var response = await client.GetAsync("/admin/users", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Không có quyền truy cập", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task FirstAdmin_FromConfiguration_CreatedOnlyWhenNoAdminExists()
    {
        var settings = new Dictionary<string, string?> { ["Admin:Email"] = "chanh.vp@q11.test", ["Admin:Password"] = "mot-cau-dai-de-nho-thoi" };
        await using var app = await PortalAppFactory.CreateAsync(settings: settings);
        var client = Staff.Client(app);

        var response = await Staff.LoginAsync(client, "chanh.vp@q11.test", "mot-cau-dai-de-nho-thoi");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users", Ct)).StatusCode);
    }

    [Fact]
    public async Task NoConfiguration_NoAccountExists()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        _ = app.CreateClient();

        await using var db = app.Database.CreateContext();
        Assert.Equal(0, await db.Users.CountAsync(Ct));
    }
}
