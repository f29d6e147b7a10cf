using Microsoft.AspNetCore.Identity;

namespace Q11Portal.Core.Users;

/// <summary>Identity's messages in Vietnamese, since staff read them on the admin pages and in the CLI.</summary>
public sealed class VietnameseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => E(nameof(DefaultError), "Đã xảy ra lỗi, vui lòng thử lại.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "Tài khoản vừa được người khác thay đổi, vui lòng tải lại trang.");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "Mật khẩu không đúng.");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "Mã xác nhận không hợp lệ.");
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated), "Tài khoản đăng nhập này đã được dùng.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), "Tên đăng nhập không hợp lệ.");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), "Địa chỉ email không hợp lệ.");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), "Email này đã có tài khoản.");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), "Email này đã có tài khoản.");
    public override IdentityError InvalidRoleName(string? role) => E(nameof(InvalidRoleName), "Vai trò không hợp lệ.");
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), "Vai trò đã tồn tại.");
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword), "Tài khoản đã có mật khẩu.");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "Tài khoản này không thể bị khóa.");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"Tài khoản đã có vai trò {Roles.DisplayName(role)}.");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), $"Tài khoản không có vai trò {Roles.DisplayName(role)}.");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"Mật khẩu phải có ít nhất {length} ký tự.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"Mật khẩu phải có ít nhất {uniqueChars} ký tự khác nhau.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "Mật khẩu phải có ký tự đặc biệt.");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "Mật khẩu phải có chữ số.");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "Mật khẩu phải có chữ thường.");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "Mật khẩu phải có chữ hoa.");

    private static IdentityError E(string code, string description) => new() { Code = code, Description = description };
}
