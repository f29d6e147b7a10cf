using System.ComponentModel.DataAnnotations;

namespace Q11Portal.Web.Areas.Admin.Models;

/// <summary>The form of "Đặt mật khẩu tạm": the password an admin gives a staff member, to be changed at the next sign-in.</summary>
public sealed class TemporaryPasswordInput
{
    /// <summary>Shown on the page and in the confirmation; the account itself comes from the route.</summary>
    [StringLength(256)]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Vui lòng nhập mật khẩu tạm.")]
    [DataType(DataType.Password)]
    [StringLength(256, ErrorMessage = "Tối đa 256 ký tự.")]
    public string NewPassword { get; set; } = string.Empty;
}
