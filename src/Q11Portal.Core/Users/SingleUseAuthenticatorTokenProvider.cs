using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Q11Portal.Core.Users;

/// <summary>Identity's authenticator token provider (registered under its name, so SignInManager and UserManager use
/// it) with one addition: a code is spent once. Identity's own provider accepts the same code again for as long as
/// it is current; this one keeps the last time step used per account (in AspNetUserTokens, no schema change) and
/// refuses any code that is not newer, at sign-in and at set-up alike.</summary>
public sealed class SingleUseAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string LoginProvider = "[Q11Portal]";
    public const string LastStepName = "AuthenticatorLastStep";

    /// <summary>Steps accepted either side of now: phones whose clock is up to 30 seconds off still work.</summary>
    public const int AllowedDrift = 1;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app on the phone makes the codes; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(string.Empty);

    /// <summary>Validates <paramref name="token"/> and, when valid, records its step as used (saves the user).</summary>
    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || !Totp.TryParse(token, out var code))
        {
            return false;
        }

        var step = Totp.MatchingStep(Totp.DecodeBase32(key), code, clock.GetUtcNow(), AllowedDrift);
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepName), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)
            ? l
            : long.MinValue;
        if (step is null || step.Value <= last)
        {
            return false;
        }

        // Saving checks the user's concurrency stamp, so of two requests racing with one code only one succeeds.
        var spent = await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepName, step.Value.ToString(CultureInfo.InvariantCulture));
        return spent.Succeeded;
    }
}
