using Q11Portal.Web.Models;

namespace Q11Portal.Web.Infrastructure;

/// <summary>Reads the letter form the way the comment form is read (<see cref="CommentFormReader"/>): a pasted NUL
/// or a broken body never loses what the resident wrote, and an oversized post is null.</summary>
public static class LetterFormReader
{
    public static async Task<LetterInput?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (await CommentFormReader.ReadFieldsAsync(request, ct) is not { } form)
        {
            return null;
        }

        string Value(string key) => form[key].ToString();
        return new()
        {
            Name = Value("Name"),
            Email = Value("Email"),
            Phone = Value("Phone"),
            Address = Value("Address"),
            Subject = Value("Subject"),
            Body = Value("Body"),
            Website = Value("Website"),
            FormToken = Value("FormToken"),
            Altcha = Value("altcha"),
        };
    }
}
