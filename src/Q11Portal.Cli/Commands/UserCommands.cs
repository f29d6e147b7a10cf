using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Users;

namespace Q11Portal.Cli.Commands;

/// <summary><c>users add|list|set-role|lock|unlock|reset-password</c>: staff accounts from the command line. Passwords are read
/// from standard input (hidden on a terminal, one line from a pipe), never from arguments, which leak into shell
/// history and process lists.</summary>
public static class UserCommands
{
    internal const string Actor = "cli";

    public static Command Build(CliHost host)
    {
        var users = new Command("users", "Manage staff accounts (Phóng viên, Biên tập, Quản trị).");
        users.Subcommands.Add(Add(host));
        users.Subcommands.Add(List(host));
        users.Subcommands.Add(SetRole(host));
        users.Subcommands.Add(Lock(host, locked: true));
        users.Subcommands.Add(Lock(host, locked: false));
        users.Subcommands.Add(PasswordCommands.ResetPassword(host));
        return users;
    }

    private static Command Add(CliHost host)
    {
        var email = new Argument<string>("email") { Description = "Email, used to sign in." };
        var role = new Option<string>("--role") { Description = "Reporter, Editor or Admin.", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (họ tên)." };
        var command = new Command("add", "Create a staff account; the password is read from standard input.") { email, role, name };
        command.SetAction(async (parse, ct) => await CliRunner.RunAsync(host, async services =>
        {
            await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var password = ReadPassword(host);
            var result = await services.GetRequiredService<UserAdministration>()
                .CreateAsync(parse.GetValue(email)!, parse.GetValue(name), parse.GetValue(role)!, password, Actor, ct);
            return Report(host, result, $"Created {parse.GetValue(email)} ({Roles.Parse(parse.GetValue(role))}).");
        }));
        return command;
    }

    private static Command List(CliHost host)
    {
        var command = new Command("list", "List staff accounts with their role and state.");
        command.SetAction(async (_, ct) => await CliRunner.RunAsync(host, async services =>
        {
            var all = await services.GetRequiredService<UserAdministration>().ListAsync(ct);
            foreach (var u in all)
            {
                host.Out.WriteLine($"{u.Email,-40} {u.Role ?? "-",-9} {(u.IsLocked ? "locked" : "active"),-7} {u.DisplayName}");
            }

            host.Out.WriteLine($"{all.Count} account(s).");
            return 0;
        }));
        return command;
    }

    private static Command SetRole(CliHost host)
    {
        var email = new Argument<string>("email");
        var role = new Argument<string>("role") { Description = "Reporter, Editor or Admin." };
        var command = new Command("set-role", "Give an account exactly this role.") { email, role };
        command.SetAction(async (parse, ct) => await CliRunner.RunAsync(host, async services =>
            Report(host, await services.GetRequiredService<UserAdministration>().SetRoleAsync(parse.GetValue(email)!, parse.GetValue(role)!, Actor, ct),
                $"{parse.GetValue(email)} is now {Roles.Parse(parse.GetValue(role))}.")));
        return command;
    }

    private static Command Lock(CliHost host, bool locked)
    {
        var email = new Argument<string>("email");
        var command = new Command(locked ? "lock" : "unlock", locked ? "Lock an account and end its sessions." : "Unlock an account.") { email };
        command.SetAction(async (parse, ct) => await CliRunner.RunAsync(host, async services =>
            Report(host, await services.GetRequiredService<UserAdministration>().SetLockedAsync(parse.GetValue(email)!, locked, Actor, ct),
                $"{parse.GetValue(email)} {(locked ? "locked" : "unlocked")}.")));
        return command;
    }

    private static int Report(CliHost host, Result result, string success)
    {
        if (!result.Succeeded)
        {
            throw new CliException(result.Message ?? result.Outcome.ToString());
        }

        host.Out.WriteLine(success);
        return 0;
    }

    internal static string ReadPassword(CliHost host)
    {
        if (host.InputIsTerminal)
        {
            var first = ReadHidden("Password: ");
            var second = ReadHidden("Repeat password: ");
            return first == second ? first : throw new CliException("The two passwords differ.");
        }

        var line = host.In.ReadLine();
        return string.IsNullOrEmpty(line) ? throw new CliException("No password on standard input.") : line;
    }

    private static string ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var builder = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return builder.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (builder.Length > 0)
                {
                    builder.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                builder.Append(key.KeyChar);
            }
        }
    }
}
