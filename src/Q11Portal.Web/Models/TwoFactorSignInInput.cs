using System.ComponentModel.DataAnnotations;

namespace Q11Portal.Web.Models;

/// <summary>The second step of signing in: a code from the authenticator app, or a recovery code.</summary>
public sealed class TwoFactorSignInInput
{
    [Required(ErrorMessage = "Vui lòng nhập mã.")]
    [StringLength(64, ErrorMessage = "Mã quá dài.")]
    public string Code { get; set; } = string.Empty;

    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}
