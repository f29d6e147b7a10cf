using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Users;

public sealed record StaffUserSummary(string Id, string Email, string DisplayName, string? Role, bool IsLocked, DateTime? LockedUntilUtc, DateTime CreatedAtUtc,
    bool TwoFactorEnabled = false);

/// <summary>Staff accounts: create, role, lock. Used by the admin pages and the CLI; every change is audited, and every
/// command answers with a <see cref="Result{T}"/> whose value is the account's id.
/// A staff member has exactly one role (Reporter, Editor or Admin); the higher ones include the lower.</summary>
public sealed class UserAdministration(
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    PortalDbContext db,
    AuditLog audit,
    TimeProvider clock,
    ILogger<UserAdministration> logger)
{
    private const string InvalidRole = "Vai trò không hợp lệ (Phóng viên, Biên tập hoặc Quản trị).";
    private static readonly Result Missing = Result.NotFound("Không tìm thấy tài khoản.");

    public async Task EnsureRolesAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            ct.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public async Task<IReadOnlyList<StaffUserSummary>> ListAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var roleByUser = await (from ur in db.UserRoles
                                join r in db.Roles on ur.RoleId equals r.Id
                                select new { ur.UserId, r.Name }).ToListAsync(ct);
        var list = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        return list.Select(u => new StaffUserSummary(
                u.Id,
                u.Email ?? u.UserName ?? u.Id,
                u.DisplayName,
                roleByUser.Where(x => x.UserId == u.Id).Select(x => x.Name!).OrderByDescending(Roles.Rank).FirstOrDefault(),
                u.IsDisabled || (u.LockoutEnd is { } end && end > now),
                u.LockoutEnd?.UtcDateTime,
                u.CreatedAtUtc,
                u.TwoFactorEnabled))
            .ToList();
    }

    public async Task<bool> AnyAdminAsync(CancellationToken ct) =>
        await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Admin select ur).AnyAsync(ct);

    public async Task<Result<string>> CreateAsync(string email, string? displayName, string role, string password, string? actor, CancellationToken ct)
    {
        email = VietnameseText.Nfc(email).Trim();
        var canonicalRole = Roles.Parse(role);
        if (canonicalRole is null)
        {
            return Refused(Result.Invalid(InvalidRole));
        }

        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            return Refused(Result.Invalid("Địa chỉ email không hợp lệ."));
        }

        await EnsureRolesAsync(ct);
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email.Split('@')[0] : VietnameseText.Nfc(displayName).Trim(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Refused(created);
        }

        var added = await users.AddToRoleAsync(user, canonicalRole);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            return Refused(added);
        }

        audit.Add(actor, AuditActions.UserCreated, "User", user.Id, $"{email}: {Roles.DisplayName(canonicalRole)}");
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Staff account {UserId} created with role {Role} by {Actor}", user.Id, canonicalRole, actor);
        return user.Id;
    }

    public async Task<PortalUser?> FindAsync(string idOrEmail) =>
        await users.FindByIdAsync(idOrEmail) ?? await users.FindByEmailAsync(idOrEmail.Trim());

    public async Task<Result<string>> SetRoleAsync(string idOrEmail, string role, string? actor, CancellationToken ct)
    {
        var canonicalRole = Roles.Parse(role);
        if (canonicalRole is null)
        {
            return Refused(Result.Invalid(InvalidRole));
        }

        var user = await FindAsync(idOrEmail);
        if (user is null)
        {
            return Refused(Missing);
        }

        await EnsureRolesAsync(ct);
        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == canonicalRole)
        {
            return user.Id;
        }

        if (current.Contains(Roles.Admin) && canonicalRole != Roles.Admin && await IsLastActiveAdminAsync(user, ct))
        {
            return Refused(Result.Conflict("Đây là quản trị viên duy nhất còn hoạt động; hãy cấp quyền Quản trị cho người khác trước."));
        }

        if (current.Count > 0)
        {
            var removed = await users.RemoveFromRolesAsync(user, current);
            if (!removed.Succeeded)
            {
                return Refused(removed);
            }
        }

        var added = await users.AddToRoleAsync(user, canonicalRole);
        if (!added.Succeeded)
        {
            return Refused(added);
        }

        // No stamp change: open sessions keep going and pick up the new role at their next stamp check,
        // which rebuilds the principal's role claims.
        var before = current.Count == 0 ? "(không có)" : string.Join(", ", current.Select(Roles.DisplayName));
        audit.Add(actor, AuditActions.UserRoleChanged, "User", user.Id, $"{user.Email}: {before} → {Roles.DisplayName(canonicalRole)}");
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Role of {UserId} set to {Role} by {Actor}", user.Id, canonicalRole, actor);
        return user.Id;
    }

    public async Task<Result<string>> SetLockedAsync(string idOrEmail, bool locked, string? actor, CancellationToken ct)
    {
        var user = await FindAsync(idOrEmail);
        if (user is null)
        {
            return Refused(Missing);
        }

        if (locked && (await users.GetRolesAsync(user)).Contains(Roles.Admin) && await IsLastActiveAdminAsync(user, ct))
        {
            return Refused(Result.Conflict("Không thể khóa quản trị viên duy nhất còn hoạt động."));
        }

        user.IsDisabled = locked;
        user.LockoutEnabled = true;
        user.LockoutEnd = locked ? DateTimeOffset.MaxValue : null;
        if (!locked)
        {
            user.AccessFailedCount = 0;
        }

        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return Refused(updated);
        }

        if (locked)
        {
            // Ends the locked person's open sessions at their next stamp check.
            await users.UpdateSecurityStampAsync(user);
        }

        audit.Add(actor, locked ? AuditActions.UserLocked : AuditActions.UserUnlocked, "User", user.Id, user.Email);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Account {UserId} {State} by {Actor}", user.Id, locked ? "locked" : "unlocked", actor);
        return user.Id;
    }

    /// <summary>Creates the first administrator from configuration when both values are set and no admin exists.
    /// Returns true when an account was created.</summary>
    public async Task<bool> EnsureBootstrapAdminAsync(AdminBootstrapOptions options, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.Email) || string.IsNullOrEmpty(options.Password))
        {
            return false;
        }

        await EnsureRolesAsync(ct);
        if (await AnyAdminAsync(ct))
        {
            return false;
        }

        var existing = await users.FindByEmailAsync(options.Email.Trim());
        var result = existing is null
            ? await CreateAsync(options.Email, options.DisplayName, Roles.Admin, options.Password, "configuration", ct)
            : await SetRoleAsync(existing.Id, Roles.Admin, "configuration", ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Admin:Email/Admin:Password could not create the first administrator: " + result.Message);
        }

        logger.LogWarning("First administrator created from configuration; remove Admin:Password from the configuration now");
        return true;
    }

    private static Result<string> Refused(Result failure) => Result<string>.From(failure);

    /// <summary>Identity's refusals (a weak password, a taken email…) as one message, each of its sentences kept.</summary>
    private static Result<string> Refused(IdentityResult failure) =>
        Refused(Result.Invalid(string.Join(" ", failure.Errors.Select(e => e.Description))));

    private async Task<bool> IsLastActiveAdminAsync(PortalUser user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        ct.ThrowIfCancellationRequested();
        return !admins.Any(a => a.Id != user.Id && !a.IsDisabled && (a.LockoutEnd is null || a.LockoutEnd <= now));
    }
}
