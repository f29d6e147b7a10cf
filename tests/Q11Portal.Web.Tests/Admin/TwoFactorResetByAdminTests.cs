using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Users;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Admin;

/// <summary>"Đặt lại xác thực hai bước" on the Users page: for a staff member who lost both the phone and the recovery
/// codes. Afterwards the password alone signs in (and the set-up starts again), the old codes are gone, and it is audited.</summary>
public sealed class TwoFactorResetByAdminTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ResetTwoFactor_ByAdmin_PasswordSignsInAgainAndCodesAreGone()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var email = await Staff.CreateAsync(app, Roles.Editor);
        var owner = Staff.Client(app);
        await Staff.LoginAsync(owner, email, Staff.Password);
        await TwoFactorTestSupport.EnableAsync(owner);
        var before = await Staff.LoginAsync(Staff.Client(app), email, Staff.Password);
        Assert.Contains("/dang-nhap/xac-thuc-hai-buoc", before.Headers.Location!.ToString());
        var adminEmail = await Staff.CreateAsync(app, Roles.Admin);
        var admin = Staff.Client(app);
        await Staff.LoginAsync(admin, adminEmail, Staff.Password);
        var id = await UserIdAsync(app, email);
        Assert.Contains($"/admin/users/{id}/reset-two-factor", await admin.GetStringAsync("/admin/users", Ct));

        var reset = await Staff.PostFormAsync(admin, "/admin/users", $"/admin/users/{id}/reset-two-factor", []);

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/admin/users", reset.Headers.Location!.ToString());
        Assert.Contains("Đã đặt lại xác thực hai bước", await admin.GetStringAsync("/admin/users", Ct));
        var after = await Staff.LoginAsync(Staff.Client(app), email, Staff.Password);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.DoesNotContain("xac-thuc-hai-buoc", after.Headers.Location!.ToString());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByIdAsync(id))!;
            Assert.False(await users.GetTwoFactorEnabledAsync(user));
            Assert.Equal(0, await users.CountRecoveryCodesAsync(user));
        }

        await using var db = app.Database.CreateContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.TwoFactorReset, Ct);
        Assert.Equal(id, entry.EntityId);
        Assert.Contains(adminEmail, entry.UserName ?? string.Empty, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ResetTwoFactor_AccountWithoutIt_ChangesNothing()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var email = await Staff.CreateAsync(app, Roles.Reporter);
        var admin = await Staff.SignedInAsync(app, Roles.Admin);
        var id = await UserIdAsync(app, email);

        var reset = await Staff.PostFormAsync(admin, "/admin/users", $"/admin/users/{id}/reset-two-factor", []);

        Assert.True(reset.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Conflict, reset.StatusCode.ToString());
        await using var db = app.Database.CreateContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.TwoFactorReset, Ct));
    }

    private static async Task<string> UserIdAsync(PortalAppFactory app, string email)
    {
        await using var db = app.Database.CreateContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
    }
}
