using System.ComponentModel.DataAnnotations;
using Q11Portal.Core.Users;

namespace Q11Portal.Web.Areas.Admin.Models;

public sealed class EnableTwoFactorInput
{
    [Required(ErrorMessage = "Vui lòng nhập mã 6 chữ số từ ứng dụng.")]
    [StringLength(16, ErrorMessage = "Mã quá dài.")]
    public string Code { get; set; } = string.Empty;
}

/// <summary>The two-factor page: the set-up (key and QR code) while it is off, the status while it is on.
/// <paramref name="Required"/>: compulsory for the account's role; <paramref name="Due"/>: its grace period is over.</summary>
public sealed record TwoFactorPageViewModel(AuthenticatorSetup? Setup, int RecoveryCodesLeft, bool Required, bool Due, EnableTwoFactorInput Input)
{
    public bool Enabled => Setup is null;
}
