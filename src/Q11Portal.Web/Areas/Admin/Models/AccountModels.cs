using System.ComponentModel.DataAnnotations;
using Q11Portal.Core.Users;

namespace Q11Portal.Web.Areas.Admin.Models;

public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Vui lòng nhập mật khẩu hiện tại.")]
    [DataType(DataType.Password)]
    [StringLength(256, ErrorMessage = "Tối đa 256 ký tự.")]
    public string CurrentPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "Vui lòng nhập mật khẩu mới.")]
    [DataType(DataType.Password)]
    [StringLength(256, ErrorMessage = "Tối đa 256 ký tự.")]
    public string NewPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "Vui lòng nhập lại mật khẩu mới.")]
    [DataType(DataType.Password)]
    [Compare(nameof(NewPassword), ErrorMessage = "Hai lần nhập mật khẩu mới không khớp.")]
    [StringLength(256, ErrorMessage = "Tối đa 256 ký tự.")]
    public string ConfirmPassword { get; set; } = string.Empty;
}

public sealed class CreateUserInput
{
    [Required(ErrorMessage = "Vui lòng nhập email.")]
    [EmailAddress(ErrorMessage = "Địa chỉ email không hợp lệ.")]
    [StringLength(256, ErrorMessage = "Tối đa 256 ký tự.")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Vui lòng nhập họ tên.")]
    [StringLength(200, ErrorMessage = "Họ tên tối đa 200 ký tự.")]
    public string DisplayName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Vui lòng chọn vai trò.")]
    public string Role { get; set; } = Roles.Reporter;

    [Required(ErrorMessage = "Vui lòng nhập mật khẩu ban đầu.")]
    [DataType(DataType.Password)]
    [StringLength(256, ErrorMessage = "Tối đa 256 ký tự.")]
    public string Password { get; set; } = string.Empty;
}

public sealed record UsersPageViewModel(IReadOnlyList<StaffUserSummary> Users, string? CurrentUserId);

/// <summary>A card on the dashboard contributed by a feature (e.g. comments waiting for moderation).</summary>
public sealed record DashboardTile(string Title, string Value, string? Link, string? Note = null);
