namespace Q11Portal.Core.Users;

/// <summary>Role names as stored by Identity, and what staff see.</summary>
public static class Roles
{
    /// <summary>Phóng viên: writes and submits.</summary>
    public const string Reporter = "Reporter";
    /// <summary>Biên tập: edits, publishes, manages categories, tags and the sidebar.</summary>
    public const string Editor = "Editor";
    /// <summary>Quản trị: everything, users and roles, comment moderation, the audit log.</summary>
    public const string Admin = "Admin";

    public static readonly string[] All = [Reporter, Editor, Admin];

    public static string DisplayName(string role) => role switch
    {
        Reporter => "Phóng viên",
        Editor => "Biên tập",
        Admin => "Quản trị",
        _ => role,
    };

    /// <summary>The canonical role name for user input ("admin", "Quản trị", "bien-tap"…), or null.</summary>
    public static string? Parse(string? text)
    {
        var folded = Common.VietnameseText.Fold(text).Replace('-', ' ').Trim();
        return folded switch
        {
            "reporter" or "phong vien" => Reporter,
            "editor" or "bien tap" => Editor,
            "admin" or "quan tri" => Admin,
            _ => null,
        };
    }

    /// <summary>Higher roles include the lower ones: Admin > Editor > Reporter.</summary>
    public static int Rank(string? role) => role switch
    {
        Admin => 3,
        Editor => 2,
        Reporter => 1,
        _ => 0,
    };
}
