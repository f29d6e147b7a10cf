using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Q11Portal.Web.Models;

namespace Q11Portal.Web.Infrastructure;

/// <summary>Reads the comment form. ASP.NET Core refuses a whole form when a value holds a NUL or similar control
/// character ("The form value contains invalid characters"); a resident who pasted one would lose everything they
/// wrote. So the URL-encoded body is buffered and, when the framework refuses it, decoded here instead — the comment
/// rules then strip the invisible characters like any others.</summary>
public static class CommentFormReader
{
    /// <summary>The posted fields, or null when the request is larger than <see cref="CommentRateLimiting.MaxRequestBytes"/>
    /// or is not a form at all.</summary>
    public static async Task<CommentInput?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > CommentRateLimiting.MaxRequestBytes)
        {
            return null;
        }

        request.EnableBuffering(CommentRateLimiting.MaxRequestBytes, CommentRateLimiting.MaxRequestBytes);
        try
        {
            var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : FormCollection.Empty;
            return Bind(key => form[key].ToString());
        }
        catch (IOException)
        {
            // Kestrel's request size limit, or the buffer limit above.
            return null;
        }
        catch (InvalidDataException) when (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            && request.Body.CanSeek && request.Body.Length <= CommentRateLimiting.MaxRequestBytes)
        {
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            request.Body.Position = 0;
            using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            var body = await reader.ReadToEndAsync(ct);
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                var key = Decode(equals < 0 ? pair : pair[..equals]);
                var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
                values.TryAdd(key, value);
            }

            return Bind(key => values.GetValueOrDefault(key));
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static CommentInput Bind(Func<string, string?> value) => new()
    {
        Name = value("Name"),
        Email = value("Email"),
        Body = value("Body"),
        Website = value("Website"),
        FormToken = value("FormToken"),
        Altcha = value("altcha"),
    };
}
