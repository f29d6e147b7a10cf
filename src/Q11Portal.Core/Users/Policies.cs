namespace Q11Portal.Core.Users;

/// <summary>Authorization policy names. Each policy admits its role and every role above it:
/// Reporter = any staff member, Editor = editors and admins, Admin = admins only.</summary>
public static class Policies
{
    public const string Reporter = "Staff.Reporter";
    public const string Editor = "Staff.Editor";
    public const string Admin = "Staff.Admin";

    /// <summary>The roles a policy admits, from the policy name.</summary>
    public static IReadOnlyList<string> RolesFor(string policy) => policy switch
    {
        Reporter => [Roles.Reporter, Roles.Editor, Roles.Admin],
        Editor => [Roles.Editor, Roles.Admin],
        Admin => [Roles.Admin],
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown policy"),
    };

    public static readonly string[] All = [Reporter, Editor, Admin];
}
