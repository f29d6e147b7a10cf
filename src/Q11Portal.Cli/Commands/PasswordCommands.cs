using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Common;
using Q11Portal.Core.Users;

namespace Q11Portal.Cli.Commands;

/// <summary><c>users reset-password EMAIL [--permanent]</c>: the operator's way back in when nobody can sign in, and the
/// CLI twin of "Đặt mật khẩu tạm" on the admin Users page.</summary>
public static class PasswordCommands
{
    public static Command ResetPassword(CliHost host)
    {
        var email = new Argument<string>("email");
        var permanent = new Option<bool>("--permanent") { Description = "Do not ask for a change at the next sign-in." };
        var command = new Command("reset-password",
            "Set an account's password from standard input; it must be changed at the next sign-in unless --permanent.") { email, permanent };
        command.SetAction(async (parse, ct) => await CliRunner.RunAsync(host, async services =>
        {
            var password = UserCommands.ReadPassword(host);
            var temporary = !parse.GetValue(permanent);
            var result = await services.GetRequiredService<PasswordResets>()
                .SetPasswordAsync(parse.GetValue(email)!, password, temporary, UserCommands.Actor, ct);
            if (!result.Succeeded)
            {
                throw new CliException(result.Message ?? result.Outcome.ToString(), result.Outcome == Outcome.NotFound ? CliRunner.Failed : CliRunner.BadInput);
            }

            host.Out.WriteLine(temporary
                ? $"Password of {parse.GetValue(email)} set; it must be changed at the next sign-in. Open sessions end."
                : $"Password of {parse.GetValue(email)} set. Open sessions end.");
            return 0;
        }));
        return command;
    }
}
