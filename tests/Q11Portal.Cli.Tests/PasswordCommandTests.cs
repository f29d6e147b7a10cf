using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Users;
using Q11Portal.Testing;

namespace Q11Portal.Cli.Tests;

public sealed class PasswordCommandTests
{
    private const string First = "mot-cau-rat-dai-de-nho";
    private const string Reset = "cau-moi-sau-khi-quen";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UsersResetPassword_FromStandardInput_SetsTemporaryPasswordAndAudits()
    {
        await using var database = await TestDatabase.CreateAsync();
        await RunWithInputAsync(database, First + "\n", "users", "add", "bt@q11.test", "--role", "Editor");

        var run = await RunWithInputAsync(database, Reset + "\n", "users", "reset-password", "bt@q11.test");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("must be changed at the next sign-in", run.Output);
        await using var db = database.CreateContext();
        var user = await db.Users.SingleAsync(Ct);
        Assert.True(Verifies(user, Reset));
        Assert.False(Verifies(user, First));
        Assert.True(await db.UserClaims.AnyAsync(c => c.UserId == user.Id && c.ClaimType == PasswordResets.MustChangeClaim, Ct));
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.PasswordReset, Ct);
        Assert.Equal("cli", audit.UserName);
        Assert.Equal(user.Id, audit.EntityId);
    }

    [Fact]
    public async Task UsersResetPassword_Permanent_ClearsTheChangeRequest()
    {
        await using var database = await TestDatabase.CreateAsync();
        await RunWithInputAsync(database, First + "\n", "users", "add", "pv@q11.test", "--role", "Reporter");
        await RunWithInputAsync(database, Reset + "\n", "users", "reset-password", "pv@q11.test");

        var run = await RunWithInputAsync(database, "lai-mot-cau-khac-nua\n", "users", "reset-password", "pv@q11.test", "--permanent");

        Assert.True(run.ExitCode == 0, run.ToString());
        await using var db = database.CreateContext();
        Assert.True(Verifies(await db.Users.SingleAsync(Ct), "lai-mot-cau-khac-nua"));
        Assert.False(await db.UserClaims.AnyAsync(Ct));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.PasswordReset, Ct));
    }

    [Fact]
    public async Task UsersResetPassword_UnknownAccountOrWeakPassword_FailsAndChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await RunWithInputAsync(database, First + "\n", "users", "add", "bt@q11.test", "--role", "Editor");

        var unknown = await RunWithInputAsync(database, Reset + "\n", "users", "reset-password", "khong-co@q11.test");
        var weak = await RunWithInputAsync(database, "matkhau123\n", "users", "reset-password", "bt@q11.test");
        var none = await RunWithInputAsync(database, "", "users", "reset-password", "bt@q11.test");

        Assert.Equal(CliRunner.Failed, unknown.ExitCode);
        Assert.Contains("Không tìm thấy tài khoản", unknown.Error);
        Assert.Equal(CliRunner.BadInput, weak.ExitCode);
        Assert.Contains("quá phổ biến", weak.Error);
        Assert.NotEqual(0, none.ExitCode);
        Assert.Contains("No password", none.Error);
        await using var db = database.CreateContext();
        Assert.True(Verifies(await db.Users.SingleAsync(Ct), First));
        Assert.False(await db.UserClaims.AnyAsync(Ct));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.PasswordReset, Ct));
    }

    private static bool Verifies(PortalUser user, string password) =>
        new PasswordHasher<PortalUser>().VerifyHashedPassword(user, user.PasswordHash!, password) != PasswordVerificationResult.Failed;

    private static async Task<CliRun> RunWithInputAsync(TestDatabase database, string stdin, params string[] args) =>
        await CliRun.RunWithInputAsync(stdin, [.. args, .. database.Settings.Select(s => $"--{s.Key}={s.Value}")]);
}
