namespace Q11Portal.Core.Audit;

/// <summary>The action names written to the audit log; the audit page filters by them.</summary>
public static class AuditActions
{
    public const string LoginFailed = "login.failed";
    public const string LoginLockedOut = "login.locked-out";
    public const string UserCreated = "user.created";
    public const string UserRoleChanged = "user.role-changed";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";
    public const string PasswordChanged = "user.password-changed";
    public const string PasswordReset = "user.password-reset";
    public const string LoginThrottled = "login.throttled";
    public const string TwoFactorEnabled = "user.2fa-enabled";
    public const string TwoFactorDisabled = "user.2fa-disabled";
    public const string TwoFactorReset = "user.2fa-reset";
    public const string RecoveryCodesRegenerated = "user.2fa-recovery-codes";
    public const string RecoveryCodeUsed = "login.recovery-code";
    public const string TwoFactorFailed = "login.2fa-failed";

    public const string ArticleCreated = "article.created";
    public const string ArticleSubmitted = "article.submitted";
    public const string ArticleReturned = "article.returned";
    public const string ArticleScheduled = "article.scheduled";
    public const string ArticlePublished = "article.published";
    public const string ArticleUnpublished = "article.unpublished";
    public const string ArticleDeleted = "article.deleted";
    public const string ArticleRestored = "article.revision-restored";
    public const string ArticlePublishedEdited = "article.published-edited";
    public const string ArticleExpired = "article.expired";
    public const string ArticleTrashed = "article.trashed";
    public const string ArticleUntrashed = "article.untrashed";
    public const string ArticlePurged = "article.purged";

    public const string CategoryCreated = "category.create";
    public const string CategoryUpdated = "category.update";
    public const string CategoryMoved = "category.move";
    public const string CategoryReordered = "category.reorder";
    public const string CategoryDeleted = "category.delete";
    public const string TagRenamed = "tag.rename";
    public const string TagMerged = "tag.merge";
    public const string TagDeleted = "tag.delete";
    public const string SidebarBlockCreated = "sidebar.create";
    public const string SidebarBlockUpdated = "sidebar.update";
    public const string SidebarBlockReordered = "sidebar.reorder";
    public const string SidebarBlockDeleted = "sidebar.delete";
    public const string SidebarItemAdded = "sidebar.item.add";
    public const string SidebarItemUpdated = "sidebar.item.update";
    public const string SidebarItemReordered = "sidebar.item.reorder";
    public const string SidebarItemDeleted = "sidebar.item.delete";
    public const string ScheduleWeekCreated = "schedule.create";
    public const string ScheduleWeekNote = "schedule.note";
    public const string ScheduleEntryAdded = "schedule.entry.add";
    public const string ScheduleEntryUpdated = "schedule.entry.update";
    public const string ScheduleEntryRemoved = "schedule.entry.remove";
    public const string SchedulePublished = "schedule.publish";
    public const string ScheduleWithdrawn = "schedule.withdraw";
    public const string SitePageCreated = "page.create";
    public const string SitePageUpdated = "page.update";
    public const string SitePageRestored = "page.restore";
    public const string SitePageDeleted = "page.delete";
    public const string LetterRead = "letter.read";
    public const string LetterHandled = "letter.handled";
    public const string LetterReopened = "letter.reopen";
    public const string LetterDeleted = "letter.delete";

    /// <summary>Vietnamese labels for the audit page; unknown actions (other features') show as stored.</summary>
    public static string DisplayName(string action) => action switch
    {
        LoginFailed => "Đăng nhập sai",
        LoginLockedOut => "Tài khoản bị tạm khóa do đăng nhập sai",
        UserCreated => "Tạo tài khoản",
        UserRoleChanged => "Đổi vai trò",
        UserLocked => "Khóa tài khoản",
        UserUnlocked => "Mở khóa tài khoản",
        PasswordChanged => "Đổi mật khẩu",
        PasswordReset => "Đặt lại mật khẩu",
        LoginThrottled => "Từ chối đăng nhập do sai nhiều lần từ một địa chỉ",
        TwoFactorEnabled => "Bật xác thực hai bước",
        TwoFactorDisabled => "Tắt xác thực hai bước",
        TwoFactorReset => "Đặt lại xác thực hai bước của tài khoản khác",
        RecoveryCodesRegenerated => "Tạo mã khôi phục mới",
        RecoveryCodeUsed => "Đăng nhập bằng mã khôi phục",
        TwoFactorFailed => "Mã xác thực hai bước sai",
        ArticleCreated => "Tạo bài viết",
        ArticleSubmitted => "Gửi duyệt",
        ArticleReturned => "Trả lại bài",
        ArticleScheduled => "Hẹn giờ xuất bản",
        ArticlePublished => "Xuất bản",
        ArticleUnpublished => "Gỡ bài",
        ArticleDeleted => "Xóa bài",
        ArticleRestored => "Khôi phục phiên bản",
        ArticlePublishedEdited => "Sửa bài đã xuất bản",
        ArticleExpired => "Bài hết hạn, tự gỡ",
        ArticleTrashed => "Chuyển bài vào thùng rác",
        ArticleUntrashed => "Khôi phục bài từ thùng rác",
        ArticlePurged => "Xóa vĩnh viễn bài viết",
        CategoryCreated => "Tạo chuyên mục",
        CategoryUpdated => "Sửa chuyên mục",
        CategoryMoved => "Chuyển chuyên mục",
        CategoryReordered => "Đổi thứ tự chuyên mục",
        CategoryDeleted => "Xóa chuyên mục",
        TagRenamed => "Đổi tên từ khóa",
        TagMerged => "Gộp từ khóa",
        TagDeleted => "Xóa từ khóa",
        SidebarBlockCreated => "Tạo khối bên phải",
        SidebarBlockUpdated => "Sửa khối bên phải",
        SidebarBlockReordered => "Đổi thứ tự khối bên phải",
        SidebarBlockDeleted => "Xóa khối bên phải",
        SidebarItemAdded => "Thêm mục vào khối",
        SidebarItemUpdated => "Sửa mục của khối",
        SidebarItemReordered => "Đổi thứ tự mục của khối",
        SidebarItemDeleted => "Xóa mục của khối",
        ScheduleWeekCreated => "Tạo lịch công tác tuần",
        ScheduleWeekNote => "Sửa ghi chú lịch công tác",
        ScheduleEntryAdded => "Thêm mục lịch công tác",
        ScheduleEntryUpdated => "Sửa mục lịch công tác",
        ScheduleEntryRemoved => "Xóa/hủy mục lịch công tác",
        SchedulePublished => "Công bố lịch công tác",
        ScheduleWithdrawn => "Thu hồi lịch công tác",
        SitePageCreated => "Tạo trang",
        SitePageUpdated => "Sửa trang",
        SitePageRestored => "Khôi phục phiên bản trang",
        SitePageDeleted => "Xóa trang",
        LetterRead => "Mở thư góp ý",
        LetterHandled => "Đánh dấu đã xử lý thư góp ý",
        LetterReopened => "Mở lại thư góp ý",
        LetterDeleted => "Xóa thư góp ý",
        _ => action,
    };

    public static readonly string[] Known =
    [
        LoginFailed, LoginLockedOut, UserCreated, UserRoleChanged, UserLocked, UserUnlocked, PasswordChanged, PasswordReset,
        LoginThrottled, TwoFactorEnabled, TwoFactorDisabled, TwoFactorReset, RecoveryCodesRegenerated, RecoveryCodeUsed, TwoFactorFailed,
        ArticleCreated, ArticleSubmitted, ArticleReturned, ArticleScheduled, ArticlePublished, ArticleUnpublished,
        ArticleDeleted, ArticleRestored, ArticlePublishedEdited, ArticleExpired, ArticleTrashed, ArticleUntrashed, ArticlePurged,
        CategoryCreated, CategoryUpdated, CategoryMoved, CategoryReordered, CategoryDeleted,
        TagRenamed, TagMerged, TagDeleted,
        SidebarBlockCreated, SidebarBlockUpdated, SidebarBlockReordered, SidebarBlockDeleted,
        SidebarItemAdded, SidebarItemUpdated, SidebarItemReordered, SidebarItemDeleted,
        ScheduleWeekCreated, ScheduleWeekNote, ScheduleEntryAdded, ScheduleEntryUpdated, ScheduleEntryRemoved, SchedulePublished, ScheduleWithdrawn,
        SitePageCreated, SitePageUpdated, SitePageRestored, SitePageDeleted,
        LetterRead, LetterHandled, LetterReopened, LetterDeleted,
    ];
}
