using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Users;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Admin;

/// <summary>Two-factor sign-in with an authenticator app: the password alone no longer opens the admin area, a code or a
/// recovery code does (each once), and Quản trị/Biên tập accounts are held on the set-up page after their grace period.</summary>
public sealed class TwoFactorSignInTests
{
    private const string CodePage = "/dang-nhap/xac-thuc-hai-buoc";
    private const string RecoveryPage = "/dang-nhap/ma-khoi-phuc";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_AdminWithTwoFactor_PasswordAloneIsNotEnough_CodeLetsIn()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var (email, key, _) = await AdminWithTwoFactorAsync(app);
        var client = Staff.Client(app);

        var password = await Staff.LoginAsync(client, email, Staff.Password, "/admin/articles");

        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Equal(CodePage + "?returnUrl=%2Fadmin%2Farticles", password.Headers.Location!.ToString());
        var stillOut = await client.GetAsync("/admin", Ct);
        Assert.Equal(HttpStatusCode.Redirect, stillOut.StatusCode);
        Assert.Contains("/dang-nhap", stillOut.Headers.Location!.ToString());

        var coded = await SecondStepAsync(client, CodePage, TwoFactorTestSupport.Code(key, 1), "/admin/articles");

        Assert.Equal(HttpStatusCode.Redirect, coded.StatusCode);
        Assert.Equal("/admin/articles", coded.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin", Ct)).StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.TwoFactorEnabled && a.UserName == email, Ct));
    }

    [Fact]
    public async Task Login_SameCodeTwice_SecondIsRefusedAndAudited()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var (email, key, _) = await AdminWithTwoFactorAsync(app);
        var code = TwoFactorTestSupport.Code(key, 1);
        var first = Staff.Client(app);
        await Staff.LoginAsync(first, email, Staff.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await SecondStepAsync(first, CodePage, code)).StatusCode);

        await AssertSecondStepRefusedAsync(app, email, CodePage, code, "đã được dùng");

        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.TwoFactorFailed && a.UserName == email, Ct));
    }

    [Fact]
    public async Task Login_RecoveryCode_LetsInOnceOnly()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var (email, _, recoveryCodes) = await AdminWithTwoFactorAsync(app);
        var client = Staff.Client(app);
        await Staff.LoginAsync(client, email, Staff.Password);

        var recovered = await SecondStepAsync(client, RecoveryPage, recoveryCodes[3]);

        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.Equal("/admin", recovered.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin", Ct)).StatusCode);
        Assert.Contains("Còn <strong>9</strong> mã khôi phục", await client.GetStringAsync(TwoFactorTestSupport.SetupPage, Ct));

        await AssertSecondStepRefusedAsync(app, email, RecoveryPage, recoveryCodes[3], "Mã khôi phục không đúng hoặc đã được dùng.");
        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.RecoveryCodeUsed && a.UserName == email, Ct));
    }

    [Fact]
    public async Task CodePage_WithoutPasswordStep_GoesToLogin()
    {
        await using var app = await PortalAppFactory.CreateAsync();

        var response = await Staff.Client(app).GetAsync(CodePage, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dang-nhap", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Setup_WrongCode_StaysOff()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var client = await Staff.SignedInAsync(app, Roles.Reporter);

        var response = await Staff.PostFormAsync(client, TwoFactorTestSupport.SetupPage, TwoFactorTestSupport.SetupPage, [new("Code", "000000")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Mã xác thực không đúng", await response.Content.ReadAsStringAsync(Ct));
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Users.AnyAsync(u => u.TwoFactorEnabled, Ct));
    }

    [Fact]
    public async Task Disable_RegenerateCodes_AuditedAndPasswordAloneWorksAgain()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var email = await Staff.CreateAsync(app, Roles.Reporter);
        var client = Staff.Client(app);
        await Staff.LoginAsync(client, email, Staff.Password);
        var (_, oldCodes) = await TwoFactorTestSupport.EnableAsync(client);

        var regenerated = await Staff.PostFormAsync(client, TwoFactorTestSupport.SetupPage, TwoFactorTestSupport.SetupPage + "/recovery-codes", []);
        Assert.Equal(HttpStatusCode.OK, regenerated.StatusCode);
        Assert.DoesNotContain(oldCodes[0], await regenerated.Content.ReadAsStringAsync(Ct));
        var disabled = await Staff.PostFormAsync(client, TwoFactorTestSupport.SetupPage, TwoFactorTestSupport.SetupPage + "/disable", []);

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin", Ct)).StatusCode);
        var again = await Staff.LoginAsync(Staff.Client(app), email, Staff.Password);
        Assert.Equal("/admin", again.Headers.Location!.ToString());
        await using var db = app.Database.CreateContext();
        var actions = await db.AuditEntries.Where(a => a.UserName == email).Select(a => a.Action).ToListAsync(Ct);
        Assert.Contains(AuditActions.RecoveryCodesRegenerated, actions);
        Assert.Contains(AuditActions.TwoFactorDisabled, actions);
    }

    [Theory]
    [InlineData(Roles.Admin, 20, true)]
    [InlineData(Roles.Editor, 15, true)]
    [InlineData(Roles.Editor, 13, false)]
    [InlineData(Roles.Reporter, 60, false)]
    public async Task AdminArea_AfterGracePeriodWithoutTwoFactor_OnlySetupPageUntilDone(string role, int firstSignInDaysAgo, bool held)
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var email = await Staff.CreateAsync(app, role);
        await SetFirstSignInAsync(app, email, DateTime.UtcNow.AddDays(-firstSignInDaysAgo));
        var client = Staff.Client(app);
        await Staff.LoginAsync(client, email, Staff.Password);

        foreach (var page in new[] { "/admin", "/admin/articles", "/admin/profile/password" })
        {
            var response = await client.GetAsync(page, Ct);
            var sentToSetup = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString() == TwoFactorTestSupport.SetupPage;
            Assert.Equal(held && page != "/admin/profile/password", sentToSetup);
        }

        if (held)
        {
            Assert.Contains("Thời gian cho phép đã hết", await client.GetStringAsync(TwoFactorTestSupport.SetupPage, Ct));
            await TwoFactorTestSupport.EnableAsync(client);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin", Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task Login_FirstSignIn_StartsTheGracePeriodOnce()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var email = await Staff.CreateAsync(app, Roles.Editor);

        await Staff.LoginAsync(Staff.Client(app), email, Staff.Password);
        var first = await FirstSignInClaimsAsync(app, email);
        await Staff.LoginAsync(Staff.Client(app), email, Staff.Password);

        var value = Assert.Single(first);
        Assert.InRange(DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow);
        Assert.Equal(first, await FirstSignInClaimsAsync(app, email));
    }

    private static async Task<(string Email, string Key, IReadOnlyList<string> RecoveryCodes)> AdminWithTwoFactorAsync(PortalAppFactory app)
    {
        var email = await Staff.CreateAsync(app, Roles.Admin);
        var client = Staff.Client(app);
        await Staff.LoginAsync(client, email, Staff.Password);
        var (key, codes) = await TwoFactorTestSupport.EnableAsync(client);
        return (email, key, codes);
    }

    private static async Task<HttpResponseMessage> SecondStepAsync(HttpClient client, string page, string code, string? returnUrl = null)
    {
        var form = returnUrl is null ? page : page + "?returnUrl=" + Uri.EscapeDataString(returnUrl);
        var fields = new List<KeyValuePair<string, string>> { new("Code", code) };
        if (returnUrl is not null)
        {
            fields.Add(new("ReturnUrl", returnUrl));
        }

        return await Staff.PostFormAsync(client, form, page, fields);
    }

    /// <summary>A fresh client passes the password step, is refused at the second with <paramref name="message"/> and
    /// stays signed out.</summary>
    private static async Task AssertSecondStepRefusedAsync(PortalAppFactory app, string email, string page, string code, string message)
    {
        var client = Staff.Client(app);
        await Staff.LoginAsync(client, email, Staff.Password);

        var response = await SecondStepAsync(client, page, code);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin", Ct)).StatusCode);
    }

    private static async Task SetFirstSignInAsync(PortalAppFactory app, string email, DateTime atUtc)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email);
        var added = await users.SetAuthenticationTokenAsync(user!, SingleUseAuthenticatorTokenProvider.LoginProvider, TwoFactorAccounts.FirstSignInToken,
            atUtc.ToString("O", CultureInfo.InvariantCulture));
        Assert.True(added.Succeeded);
    }

    private static async Task<List<string>> FirstSignInClaimsAsync(PortalAppFactory app, string email)
    {
        await using var db = app.Database.CreateContext();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
        return await db.UserTokens.Where(t => t.UserId == id && t.Name == TwoFactorAccounts.FirstSignInToken).Select(t => t.Value!).ToListAsync(Ct);
    }
}
