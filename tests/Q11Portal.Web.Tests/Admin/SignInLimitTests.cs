using System.Net;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Users;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Admin;

/// <summary>The per-address limit on failed sign-ins: failures across different accounts add up, successes from the
/// same office address do not.</summary>
public sealed class SignInLimitTests
{
    private const string Office = "203.0.113.7";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_FailuresAcrossAccountsFromOneAddress_RefusedWith429EvenWithRightPassword()
    {
        await using var app = await PortalAppFactory.CreateAsync(
            settings: new Dictionary<string, string?> { ["SignInLimits:MaxFailuresPerAddress"] = "3" },
            services: TwoFactorTestSupport.UseClientAddressHeader);
        var editor = await Staff.CreateAsync(app, Roles.Editor);
        var reporter = await Staff.CreateAsync(app, Roles.Reporter);
        var admin = await Staff.CreateAsync(app, Roles.Admin);
        var attacker = Staff.Client(app).From(Office);
        var colleague = Staff.Client(app).From(Office);

        Assert.Equal(HttpStatusCode.OK, (await Staff.LoginAsync(attacker, "khong-ai@q11.test", "doan-thu-mat-khau")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.LoginAsync(colleague, editor, Staff.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Staff.LoginAsync(attacker, reporter, "doan-thu-mat-khau")).StatusCode);
        // Two failures and a success so far: were the success counted, the limit of 3 would refuse this one.
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.LoginAsync(Staff.Client(app).From(Office), editor, Staff.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Staff.LoginAsync(attacker, admin, "doan-thu-mat-khau")).StatusCode);

        var latecomer = Staff.Client(app).From(Office);
        var refused = await Staff.LoginAsync(latecomer, editor, Staff.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Quá nhiều lần đăng nhập sai từ địa chỉ này", await refused.Content.ReadAsStringAsync(Ct));
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 15 * 60);
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.LoginAsync(Staff.Client(app).From("198.51.100.20"), editor, Staff.Password)).StatusCode);
        await using var db = app.Database.CreateContext();
        var throttled = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.LoginThrottled, Ct);
        Assert.Equal(Office, throttled.EntityId);
        // Refused before the password was looked at: the right password did not sign the latecomer in.
        Assert.Equal(HttpStatusCode.Redirect, (await latecomer.GetAsync("/admin", Ct)).StatusCode);
    }

    [Fact]
    public async Task SecondStep_WrongCodesFromOneAddress_CountTowardsTheLimit()
    {
        await using var app = await PortalAppFactory.CreateAsync(
            settings: new Dictionary<string, string?> { ["SignInLimits:MaxFailuresPerAddress"] = "2" },
            services: TwoFactorTestSupport.UseClientAddressHeader);
        var email = await Staff.CreateAsync(app, Roles.Admin);
        var owner = Staff.Client(app).From("198.51.100.20");
        await Staff.LoginAsync(owner, email, Staff.Password);
        var (key, _) = await TwoFactorTestSupport.EnableAsync(owner);
        var thief = Staff.Client(app).From(Office);
        await Staff.LoginAsync(thief, email, Staff.Password);

        for (var i = 0; i < 2; i++)
        {
            var wrong = await Staff.PostFormAsync(thief, "/dang-nhap/xac-thuc-hai-buoc", "/dang-nhap/xac-thuc-hai-buoc", [new("Code", "00000" + i)]);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var refused = await Staff.PostFormAsync(thief, "/dang-nhap/xac-thuc-hai-buoc", "/dang-nhap/xac-thuc-hai-buoc", [new("Code", TwoFactorTestSupport.Code(key, 1))]);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Quá nhiều lần đăng nhập sai từ địa chỉ này", await refused.Content.ReadAsStringAsync(Ct));
        await using var db = app.Database.CreateContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.TwoFactorFailed, Ct));
    }
}
