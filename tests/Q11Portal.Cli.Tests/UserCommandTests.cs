using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Audit;
using Q11Portal.Testing;

namespace Q11Portal.Cli.Tests;

public sealed class UserCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<CliRun> RunWithInputAsync(TestDatabase database, string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var all = args.Concat(database.Settings.Select(s => $"--{s.Key}={s.Value}")).ToArray();
        var code = await CliApp.RunAsync(all, output, error, Ct, new StringReader(stdin));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task UsersAdd_PasswordFromStandardInput_CreatesAdminWhoIsListed()
    {
        await using var database = await TestDatabase.CreateAsync();

        var added = await RunWithInputAsync(database, "mot-cau-rat-dai-de-nho\n", "users", "add", "chanh.vp@q11.test", "--role", "Admin", "--name", "Chánh Văn phòng");
        var listed = await CliRun.RunAsync(database, "users", "list");

        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Contains("chanh.vp@q11.test", listed.Output);
        Assert.Contains("Admin", listed.Output);
        await using var db = database.CreateContext();
        var user = await db.Users.SingleAsync(Ct);
        Assert.NotEqual("mot-cau-rat-dai-de-nho", user.PasswordHash);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.UserCreated && a.UserName == "cli", Ct));
    }

    [Fact]
    public async Task UsersAdd_WeakOrMissingPassword_FailsWithMessage()
    {
        await using var database = await TestDatabase.CreateAsync();

        var weak = await RunWithInputAsync(database, "123\n", "users", "add", "a@q11.test", "--role", "Editor");
        var none = await RunWithInputAsync(database, "", "users", "add", "b@q11.test", "--role", "Editor");
        var badRole = await RunWithInputAsync(database, "mot-cau-rat-dai-de-nho\n", "users", "add", "c@q11.test", "--role", "Boss");

        Assert.NotEqual(0, weak.ExitCode);
        Assert.Contains("ít nhất 10 ký tự", weak.Error);
        Assert.NotEqual(0, none.ExitCode);
        Assert.Contains("No password", none.Error);
        Assert.NotEqual(0, badRole.ExitCode);
        Assert.Contains("Vai trò không hợp lệ", badRole.Error);
    }

    [Fact]
    public async Task UsersSetRoleAndLock_LastAdminIsProtected_OthersChange()
    {
        await using var database = await TestDatabase.CreateAsync();
        await RunWithInputAsync(database, "mot-cau-rat-dai-de-nho\n", "users", "add", "admin@q11.test", "--role", "Admin");
        await RunWithInputAsync(database, "mot-cau-rat-dai-de-nho\n", "users", "add", "pv@q11.test", "--role", "Reporter");

        var demoteLast = await CliRun.RunAsync(database, "users", "set-role", "admin@q11.test", "Editor");
        var promote = await CliRun.RunAsync(database, "users", "set-role", "pv@q11.test", "biên tập");
        var locked = await CliRun.RunAsync(database, "users", "lock", "pv@q11.test");
        var listed = await CliRun.RunAsync(database, "users", "list");

        Assert.NotEqual(0, demoteLast.ExitCode);
        Assert.Contains("quản trị viên duy nhất", demoteLast.Error);
        Assert.Equal(0, promote.ExitCode);
        Assert.Equal(0, locked.ExitCode);
        Assert.Matches(@"pv@q11\.test\s+Editor\s+locked", listed.Output);
    }
}
