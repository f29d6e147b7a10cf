using Q11Portal.Core.Comments;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Letters;

/// <summary>What the letter form posted, as the web layer read it.</summary>
public sealed record LetterDraft(string? Name, string? Email, string? Phone, string? Address, string? Subject, string? Body);

/// <summary>A letter after cleaning; <see cref="Errors"/> (field → Vietnamese message) is empty when it may be stored.</summary>
public sealed record CleanLetter(string Name, string? Email, string? Phone, string? Address, string Subject, string Body, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>The letter form's field rules: a name, a way to answer (email or phone), a subject and the letter.</summary>
public static class LetterRules
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 20;
    public const int AddressMaxLength = 300;
    public const int SubjectMaxLength = 200;
    public const int BodyMinLength = 10;
    public const int BodyMaxLength = 5000;
    public const int NoteMaxLength = 2000;

    public static CleanLetter Clean(LetterDraft draft)
    {
        var name = CommentText.CleanLine(draft.Name);
        var email = CommentText.CleanEmail(draft.Email);
        var phone = TextRules.Line(draft.Phone) is { Length: > 0 } p ? p : null;
        var address = TextRules.Line(draft.Address) is { Length: > 0 } a ? a : null;
        var subject = CommentText.CleanLine(draft.Subject);
        var body = CommentText.CleanBody(draft.Body);
        var errors = new Dictionary<string, string>();

        Check(errors, "Name", "Họ tên", name, NameMaxLength);
        if (email is not null && (email.Length > EmailMaxLength || !CommentText.IsValidEmail(email)))
        {
            errors["Email"] = "Địa chỉ email không hợp lệ.";
        }

        if (phone is not null && (phone.Length > PhoneMaxLength || !IsPhone(phone)))
        {
            errors["Phone"] = "Số điện thoại chỉ gồm chữ số (có thể có dấu +, khoảng trắng, dấu chấm hoặc gạch ngang), ít nhất 8 chữ số.";
        }

        if (email is null && phone is null && !errors.ContainsKey("Email"))
        {
            errors["Email"] = "Hãy để lại email hoặc số điện thoại để Quận ủy có thể phản hồi thư của bạn.";
        }

        if (address?.Length > AddressMaxLength)
        {
            errors["Address"] = $"Địa chỉ dài tối đa {AddressMaxLength} ký tự.";
        }

        Check(errors, "Subject", "Tiêu đề thư", subject, SubjectMaxLength);
        if (!Check(errors, "Body", "Nội dung thư", body, BodyMaxLength) && body.Length < BodyMinLength)
        {
            errors["Body"] = $"Nội dung thư quá ngắn (tối thiểu {BodyMinLength} ký tự).";
        }

        return new CleanLetter(name, email, phone, address, subject, body, errors);
    }

    /// <summary>Digits with the usual separators, at least 8 digits: "028 3858 1234", "+84 909.123.456".</summary>
    public static bool IsPhone(string text) =>
        text.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '.' or '-' or '(' or ')') && text.Count(char.IsAsciiDigit) is >= 8 and <= 15;

    /// <summary>Adds the field's error (missing, invisible, too long); true when it added one.</summary>
    private static bool Check(Dictionary<string, string> errors, string field, string label, string value, int max)
    {
        var problem = TextRules.Required(label, value)
            ?? (value.Length > max ? $"{label} dài tối đa {max:N0} ký tự (bạn đã nhập {value.Length:N0})." : null);
        if (problem is not null)
        {
            errors[field] = problem;
        }

        return problem is not null;
    }
}
