using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Users;

/// <summary>What a staff member needs to add the account to an authenticator app. <paramref name="KeyCreated"/>: a key
/// was made just now, which renewed the security stamp (the caller refreshes its session).</summary>
public sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri, bool KeyCreated);

/// <summary>Two-factor sign-in for one's own account: set up with an authenticator app, recovery codes, switching it
/// off; and the rule that makes it compulsory for Quản trị and Biên tập once their grace period has passed. Every
/// change is audited. Changing the key or switching two-factor on or off renews the security stamp (Identity does),
/// which ends the account's other sessions; the caller refreshes the current one.</summary>
public sealed class TwoFactorAccounts(
    UserManager<PortalUser> users,
    AuditLog audit,
    TimeProvider clock,
    IOptions<PortalIdentityOptions> options,
    ILogger<TwoFactorAccounts> logger)
{
    /// <summary>The name authenticator apps show above the code.</summary>
    public const string Issuer = "Quận ủy Quận 11";

    /// <summary>The user token (in AspNetUserTokens under <see cref="SingleUseAuthenticatorTokenProvider.LoginProvider"/>,
    /// no schema change) holding the account's first sign-in since two-factor sign-in shipped, in round-trip UTC: where
    /// its grace period starts.</summary>
    public const string FirstSignInToken = "FirstSignInUtc";

    public const int RecoveryCodeCount = 10;

    /// <summary>The account's key and otpauth URI, making a key first when it has none.</summary>
    public async Task<Result<AuthenticatorSetup>> GetSetupAsync(PortalUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        var created = string.IsNullOrEmpty(key);
        if (created)
        {
            var reset = await users.ResetAuthenticatorKeyAsync(user);
            if (!reset.Succeeded)
            {
                return Result<AuthenticatorSetup>.From(Failure(reset));
            }

            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var account = Uri.EscapeDataString(user.Email ?? user.UserName ?? user.Id);
        var issuer = Uri.EscapeDataString(Issuer);
        return new AuthenticatorSetup(Grouped(key!), $"otpauth://totp/{issuer}:{account}?secret={key}&issuer={issuer}&digits=6", created);
    }

    /// <summary>Switches two-factor sign-in on once <paramref name="code"/> from the app proves the key was added;
    /// answers the recovery codes, shown to their owner this once.</summary>
    public async Task<Result<IReadOnlyList<string>>> EnableAsync(PortalUser user, string code, CancellationToken ct)
    {
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return Result<IReadOnlyList<string>>.From(Result.Conflict("Xác thực hai bước đã được bật cho tài khoản này."));
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return Result<IReadOnlyList<string>>.From(Result.Invalid("Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã đang hiện trên ứng dụng."));
        }

        var enabled = await users.SetTwoFactorEnabledAsync(user, true);
        if (!enabled.Succeeded)
        {
            return Result<IReadOnlyList<string>>.From(Failure(enabled));
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await audit.WriteAsync(user.UserName, AuditActions.TwoFactorEnabled, "User", user.Id, null, ct);
        logger.LogInformation("Two-factor sign-in enabled by {UserId}", user.Id);
        return Result<IReadOnlyList<string>>.Success([.. codes ?? []]);
    }

    /// <summary>Switches it off and forgets the key, so turning it on again needs a new scan (e.g. after a lost phone).</summary>
    public async Task<Result> DisableAsync(PortalUser user, CancellationToken ct)
    {
        if (await SwitchOffAsync(user, "Xác thực hai bước chưa được bật.") is { Succeeded: false } refused)
        {
            return refused;
        }

        await audit.WriteAsync(user.UserName, AuditActions.TwoFactorDisabled, "User", user.Id, null, ct);
        logger.LogInformation("Two-factor sign-in disabled by {UserId}", user.Id);
        return Result.Ok;
    }

    /// <summary>An administrator's reset of another account (a lost phone and lost recovery codes): two-factor sign-in
    /// switched off, the key and the recovery codes forgotten, the account's sessions ended (new security stamp). The
    /// next sign-in needs the password only; for Quản trị and Biên tập past their grace period it leads straight to
    /// the set-up page again.</summary>
    public async Task<Result> ResetByAdminAsync(string userId, string? actor, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Result.NotFound("Không tìm thấy tài khoản.");
        }

        if (await SwitchOffAsync(user, "Tài khoản này chưa bật xác thực hai bước.") is { Succeeded: false } refused)
        {
            return refused;
        }

        // Zero new codes replaces the old ones, which would otherwise wait for the next set-up.
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await audit.WriteAsync(actor, AuditActions.TwoFactorReset, "User", user.Id, user.Email, ct);
        logger.LogInformation("Two-factor sign-in of {UserId} reset by {Actor}", user.Id, actor);
        return Result.Ok;
    }

    /// <summary>Off, with a new key (Identity renews the security stamp, ending other sessions); Conflict with
    /// <paramref name="notEnabled"/> when it was not on.</summary>
    private async Task<Result> SwitchOffAsync(PortalUser user, string notEnabled)
    {
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return Result.Conflict(notEnabled);
        }

        var disabled = await users.SetTwoFactorEnabledAsync(user, false);
        var reset = disabled.Succeeded ? await users.ResetAuthenticatorKeyAsync(user) : disabled;
        return reset.Succeeded ? Result.Ok : Failure(reset);
    }

    /// <summary>New recovery codes; the old ones stop working.</summary>
    public async Task<Result<IReadOnlyList<string>>> RegenerateRecoveryCodesAsync(PortalUser user, CancellationToken ct)
    {
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return Result<IReadOnlyList<string>>.From(Result.Conflict("Hãy bật xác thực hai bước trước khi tạo mã khôi phục."));
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await audit.WriteAsync(user.UserName, AuditActions.RecoveryCodesRegenerated, "User", user.Id, null, ct);
        return Result<IReadOnlyList<string>>.Success([.. codes ?? []]);
    }

    /// <summary>Starts the account's grace period at its first sign-in; later sign-ins change nothing.</summary>
    public async Task RecordSignInAsync(PortalUser user)
    {
        if (await FirstSignInAsync(user) is null)
        {
            var now = clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            await users.SetAuthenticationTokenAsync(user, SingleUseAuthenticatorTokenProvider.LoginProvider, FirstSignInToken, now);
        }
    }

    /// <summary>Quản trị and Biên tập publish in the committee's name: for them a second factor is compulsory.</summary>
    public static bool IsRequiredFor(IEnumerable<string> roles) => roles.Any(r => r is Roles.Admin or Roles.Editor);

    /// <summary>True when an account that must use two-factor sign-in has none and its grace period (from
    /// <paramref name="firstSignInUtc"/>; not started while null) is over.</summary>
    public static bool IsSetupDue(bool required, bool enabled, DateTime? firstSignInUtc, DateTime nowUtc, int graceDays) =>
        required && !enabled && firstSignInUtc is { } first && nowUtc >= first.AddDays(graceDays);

    /// <summary>Reads the first sign-in only for accounts that need it, so a reporter's sign-in costs no extra query.</summary>
    public async Task<bool> IsSetupDueAsync(PortalUser user, IEnumerable<string> roles)
    {
        var required = IsRequiredFor(roles);
        return required && !user.TwoFactorEnabled
            && IsSetupDue(required, user.TwoFactorEnabled, await FirstSignInAsync(user), clock.GetUtcNow().UtcDateTime, options.Value.TwoFactorGraceDays);
    }

    private async Task<DateTime?> FirstSignInAsync(PortalUser user) =>
        DateTime.TryParse(
            await users.GetAuthenticationTokenAsync(user, SingleUseAuthenticatorTokenProvider.LoginProvider, FirstSignInToken),
            CultureInfo.InvariantCulture,
            DateTimeStyles.RoundtripKind,
            out var at)
            ? at
            : null;

    /// <summary>Groups of four, lower case, as the apps' "enter a key" screens show it.</summary>
    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    private static Result Failure(IdentityResult result) => Result.Invalid(string.Join(" ", result.Errors.Select(e => e.Description)));
}
