using Microsoft.AspNetCore.Identity;

namespace Q11Portal.Core.Users;

/// <summary>The portal's password rule beyond length (NIST SP 800-63B style): no composition rules, which push
/// people to "Matkhau@2024", but refuse passwords that are guessable anyway — well-known ones, ones built from the
/// account's own email, the portal's name, or a single repeated character.</summary>
public sealed class PortalPasswordValidator : IPasswordValidator<PortalUser>
{
    private static readonly string[] Forbidden =
    [
        "1234567890", "0123456789", "12345678910", "123456789a", "qwertyuiop", "asdfghjkl;", "1qaz2wsx3edc",
        "password", "password1", "password123", "passw0rd", "matkhau", "matkhau123", "matkhaumoi", "abc123456",
        "iloveyou", "admin12345", "administrator", "quantri", "quan11", "quan 11", "quanuy", "quanuyquan11",
        "q11portal", "dangbo", "dangboquan11", "hochiminh", "vietnam", "123456789", "1111111111", "abcdefghij",
    ];

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        var problem = Check(password, user.Email ?? user.UserName);
        return Task.FromResult(problem is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordTooGuessable", Description = problem }));
    }

    /// <summary>Null when acceptable, otherwise the Vietnamese reason.</summary>
    public static string? Check(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password))
        {
            return null; // length is checked by the built-in validator
        }

        var folded = Common.VietnameseText.Fold(password).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (folded.Distinct().Count() == 1)
        {
            return "Mật khẩu không được chỉ lặp lại một ký tự.";
        }

        foreach (var word in Forbidden)
        {
            var w = word.Replace(" ", string.Empty, StringComparison.Ordinal);
            // "matkhau123!" is as weak as "matkhau123": a forbidden word plus a few trailing digits or symbols.
            if (folded == w || (folded.StartsWith(w, StringComparison.Ordinal) && folded.Length - w.Length <= 4))
            {
                return "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn một cụm từ dài hơn.";
            }
        }

        var local = email?.Split('@')[0].ToLowerInvariant();
        if (local is { Length: >= 3 } && folded.Contains(local, StringComparison.Ordinal))
        {
            return "Mật khẩu không được chứa tên tài khoản (email).";
        }

        return null;
    }
}
