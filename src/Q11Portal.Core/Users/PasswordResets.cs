using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Users;

/// <summary>Passwords set for someone else (an admin on the Users page, the operator with the CLI). A temporary
/// password carries the user claim <see cref="MustChangeClaim"/> until its owner picks their own: the claim is in
/// the sign-in cookie, so the web host can send such a session to the change-password page without a query.</summary>
public sealed class PasswordResets(UserManager<PortalUser> users, PortalDbContext db, AuditLog audit, ILogger<PasswordResets> logger)
{
    /// <summary>A user claim rather than a column: no schema change, and Identity copies user claims into the principal.</summary>
    public const string MustChangeClaim = "must_change_password";

    /// <summary>Gives the account <paramref name="newPassword"/>, ends its open sessions and lifts a lock-out from failed
    /// sign-ins (not a lock set by an admin). <paramref name="temporary"/>: its owner must change it at the next sign-in.</summary>
    public async Task<Result> SetPasswordAsync(string idOrEmail, string newPassword, bool temporary, string? actor, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(idOrEmail) ?? await users.FindByEmailAsync(idOrEmail.Trim());
        if (user is null)
        {
            return Result.NotFound("Không tìm thấy tài khoản.");
        }

        // Checked before anything changes, so a refused password leaves the old one in place.
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, user, newPassword);
            errors.AddRange(checkedPassword.Errors.Select(e => e.Description));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(string.Join(" ", errors.Distinct()));
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, newPassword);
        user.AccessFailedCount = 0;
        if (!user.IsDisabled)
        {
            user.LockoutEnd = null;
        }

        // Also saves the user: the new stamp ends every open session at its next check.
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded)
        {
            return Result.Invalid(string.Join(" ", updated.Errors.Select(e => e.Description)));
        }

        var marked = await SetMustChangeAsync(user, temporary);
        if (!marked.Succeeded)
        {
            return marked;
        }

        audit.Add(actor, AuditActions.PasswordReset, "User", user.Id, $"{user.Email}: {(temporary ? "mật khẩu tạm, phải đổi khi đăng nhập" : "mật khẩu mới")}");
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Password of {UserId} set by {Actor} (temporary: {Temporary})", user.Id, actor, temporary);
        return Result.Ok;
    }

    /// <summary>True while the account signs in with a temporary password.</summary>
    public async Task<bool> MustChangeAsync(PortalUser user) =>
        (await users.GetClaimsAsync(user)).Any(c => c.Type == MustChangeClaim);

    /// <summary>Called once the owner has chosen their own password: the account is no longer held on the change page.</summary>
    public Task<Result> CompleteChangeAsync(PortalUser user) => SetMustChangeAsync(user, false);

    private async Task<Result> SetMustChangeAsync(PortalUser user, bool mustChange)
    {
        var existing = (await users.GetClaimsAsync(user)).Where(c => c.Type == MustChangeClaim).ToList();
        IdentityResult changed;
        if (mustChange && existing.Count == 0)
        {
            changed = await users.AddClaimAsync(user, new Claim(MustChangeClaim, "true"));
        }
        else if (!mustChange && existing.Count > 0)
        {
            changed = await users.RemoveClaimsAsync(user, existing);
        }
        else
        {
            return Result.Ok;
        }

        return changed.Succeeded ? Result.Ok : Result.Invalid(string.Join(" ", changed.Errors.Select(e => e.Description)));
    }
}
