using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Users;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Admin;

/// <summary>"Đặt mật khẩu tạm" on the Users page: the staff member signs in with it and can do nothing else in the
/// admin area until they have chosen their own password.</summary>
public sealed class UserTemporaryPasswordTests
{
    private const string Temporary = "tam-thoi-doi-ngay-nhe";
    private const string OwnPassword = "cau-cua-rieng-toi-thoi";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TemporaryPassword_SetByAdmin_MustBeChangedBeforeAnythingElse()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var admin = await Staff.SignedInAsync(app, Roles.Admin);
        var email = await Staff.CreateAsync(app, Roles.Editor);
        var id = await UserIdAsync(app, email);
        var page = $"/admin/users/{id}/temporary-password";

        var set = await Staff.PostFormAsync(admin, page, page, [new("Email", email), new("NewPassword", Temporary)]);

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/admin/users", set.Headers.Location!.ToString());
        Assert.Contains("Đặt mật khẩu tạm", await admin.GetStringAsync("/admin/users", Ct));
        var staff = Staff.Client(app);
        Assert.Equal(HttpStatusCode.OK, (await Staff.LoginAsync(staff, email, Staff.Password)).StatusCode); // the old one is refused
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.LoginAsync(staff, email, Temporary)).StatusCode);

        foreach (var adminPage in new[] { "/admin", "/admin/articles", "/admin/categories" })
        {
            var held = await staff.GetAsync(adminPage, Ct);
            Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
            Assert.Equal("/admin/profile/password", held.Headers.Location!.ToString());
        }

        Assert.Contains("mật khẩu tạm do quản trị viên đặt", await staff.GetStringAsync("/admin/profile/password", Ct));
        var changed = await Staff.PostFormAsync(staff, "/admin/profile/password", "/admin/profile/password",
            [new("CurrentPassword", Temporary), new("NewPassword", OwnPassword), new("ConfirmPassword", OwnPassword)]);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/admin", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/admin/articles", Ct)).StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.UserClaims.AnyAsync(c => c.UserId == id && c.ClaimType == PasswordResets.MustChangeClaim, Ct));
        var reset = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.PasswordReset, Ct);
        Assert.Equal(id, reset.EntityId);
        Assert.StartsWith("admin-", reset.UserName);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.PasswordChanged && a.EntityId == id, Ct));
    }

    [Fact]
    public async Task TemporaryPassword_Weak_IsRefusedAndOldPasswordStays()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var admin = await Staff.SignedInAsync(app, Roles.Admin);
        var email = await Staff.CreateAsync(app, Roles.Reporter);
        var page = $"/admin/users/{await UserIdAsync(app, email)}/temporary-password";

        var refused = await Staff.PostFormAsync(admin, page, page, [new("Email", email), new("NewPassword", "matkhau123")]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("quá phổ biến", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.LoginAsync(Staff.Client(app), email, Staff.Password)).StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.UserClaims.AnyAsync(Ct));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.PasswordReset, Ct));
    }

    [Fact]
    public async Task TemporaryPassword_Editor_IsForbidden()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        var email = await Staff.CreateAsync(app, Roles.Reporter);

        var response = await editor.GetAsync($"/admin/users/{await UserIdAsync(app, email)}/temporary-password", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<string> UserIdAsync(PortalAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email);
        return user!.Id;
    }
}
