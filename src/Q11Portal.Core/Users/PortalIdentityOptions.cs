using System.ComponentModel.DataAnnotations;

namespace Q11Portal.Core.Users;

/// <summary>Account security settings (section <c>Identity</c>).</summary>
public sealed class PortalIdentityOptions
{
    public const string SectionName = "Identity";

    [Range(8, 128)]
    public int MinPasswordLength { get; set; } = 10;

    [Range(3, 50)]
    public int MaxFailedLogins { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>How often a signed-in session re-checks its security stamp; a password change or a lock ends
    /// every other session within this time.</summary>
    [Range(0, 3600)]
    public int SecurityStampCheckSeconds { get; set; } = 30;

    [Range(1, 24 * 30)]
    public int SessionHours { get; set; } = 12;

    /// <summary>Days a Quản trị or Biên tập account may work without two-factor sign-in, counted from its first
    /// sign-in once two-factor sign-in shipped; after that it is sent to the set-up page until done.</summary>
    [Range(0, 365)]
    public int TwoFactorGraceDays { get; set; } = 14;
}

/// <summary>The first administrator, created at start-up only when no administrator exists (section <c>Admin</c>).
/// There is no default: without both values nothing is created.</summary>
public sealed class AdminBootstrapOptions
{
    public const string SectionName = "Admin";

    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? DisplayName { get; set; }
}
