using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Q11Portal.Web.Models;

namespace Q11Portal.Web.Infrastructure;

/// <summary>Reads the comment form. ASP.NET Core refuses a whole form when a value holds a NUL or similar control
/// character ("The form value contains invalid characters"); a resident who pasted one would lose everything they
/// wrote. So the URL-encoded body is buffered and, when the framework refuses it, read again with the framework's
/// tolerant <see cref="FormReader"/> (same limits, no character check) — the comment rules then strip the invisible
/// characters like any others.</summary>
public static class CommentFormReader
{
    /// <summary>The posted fields, or null when the request is larger than <see cref="CommentRateLimiting.MaxRequestBytes"/>.
    /// A body that is no form, or a form that cannot be read at all (a broken multipart body, too many fields), gives
    /// empty fields: the form is then refused for its missing token, with a message, like any incomplete post.</summary>
    public static async Task<CommentInput?> ReadAsync(HttpRequest request, CancellationToken ct) =>
        await ReadFieldsAsync(request, ct) is { } form ? Bind(form) : null;

    /// <summary>The posted fields as read above (the letter form reads its own fields with it), or null when too large.</summary>
    public static async Task<IFormCollection?> ReadFieldsAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > CommentRateLimiting.MaxRequestBytes)
        {
            return null;
        }

        request.EnableBuffering(CommentRateLimiting.MaxRequestBytes, CommentRateLimiting.MaxRequestBytes);
        try
        {
            var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : FormCollection.Empty;
            return form;
        }
        catch (IOException ex) when (!request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // Kestrel's request size limit or the buffer limit above; otherwise a multipart body that ended before its
            // boundary. (A client that left is not answered at all.)
            var tooLarge = ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                || (request.Body.CanSeek && request.Body.Length >= CommentRateLimiting.MaxRequestBytes);
            return tooLarge ? null : FormCollection.Empty;
        }
        catch (InvalidDataException) when (IsUrlEncoded(request) && request.Body.CanSeek)
        {
            return await ReadTolerantAsync(request, ct) ?? FormCollection.Empty;
        }
        catch (InvalidDataException)
        {
            return FormCollection.Empty;
        }
    }

    private static bool IsUrlEncoded(HttpRequest request) =>
        request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The buffered body read again without the character check, or null when even that fails (a limit).</summary>
    private static async Task<IFormCollection?> ReadTolerantAsync(HttpRequest request, CancellationToken ct)
    {
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        request.Body.Position = 0;
        using var reader = new FormReader(request.Body, Encoding.UTF8);
        try
        {
            return new FormCollection(await reader.ReadFormAsync(ct));
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static CommentInput Bind(IFormCollection form)
    {
        string Value(string key) => form[key].ToString();
        return new()
        {
            Name = Value("Name"),
            Email = Value("Email"),
            Body = Value("Body"),
            Website = Value("Website"),
            FormToken = Value("FormToken"),
            Altcha = Value("altcha"),
        };
    }
}
