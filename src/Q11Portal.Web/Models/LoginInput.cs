using System.ComponentModel.DataAnnotations;

namespace Q11Portal.Web.Models;

public sealed class LoginInput
{
    [Required(ErrorMessage = "Vui lòng nhập email.")]
    [EmailAddress(ErrorMessage = "Địa chỉ email không hợp lệ.")]
    [StringLength(256, ErrorMessage = "Tối đa 256 ký tự.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Vui lòng nhập mật khẩu.")]
    [StringLength(256, ErrorMessage = "Tối đa 256 ký tự.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu")]
    public string Password { get; set; } = string.Empty;

    [Display(Name = "Ghi nhớ đăng nhập trên máy này")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}
