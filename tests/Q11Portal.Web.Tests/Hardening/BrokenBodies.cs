using System.Net.Http.Headers;
using System.Text;

namespace Q11Portal.Web.Tests.Hardening;

/// <summary>Request bodies a careless client, a scanner or an attacker sends, built by hand: a client library would
/// encode or refuse them. Each carries the antiforgery token where one fits, so the body itself is what is tested.</summary>
internal static class BrokenBodies
{
    public const string UrlEncoded = "application/x-www-form-urlencoded";

    /// <summary>The kinds the framework's form reader cannot read at all.</summary>
    public static IReadOnlyList<string> Unreadable => ["nul", "overlong", "too-many-fields", "bad-boundary", "bad-part-header", "no-boundary"];

    /// <summary>Every kind, readable or not.</summary>
    public static IReadOnlyList<string> All => ["empty", "nul", "overlong", "too-many-fields", "bad-boundary", "bad-part-header", "no-boundary", "wrong-type", "invalid-utf8"];

    public static HttpContent Build(string kind, string? token, string field = "Name")
    {
        var tokenPair = token is null ? string.Empty : "&__RequestVerificationToken=" + Uri.EscapeDataString(token);
        return kind switch
        {
            "empty" => Raw([], UrlEncoded),
            "nul" => Raw(Encoding.ASCII.GetBytes($"{field}=ab%00cd" + tokenPair), UrlEncoded),
            // One byte over the form reader's default ValueLengthLimit (4 MiB).
            "overlong" => Raw(Encoding.ASCII.GetBytes($"{field}=" + new string('a', 4 * 1024 * 1024 + 1) + tokenPair), UrlEncoded),
            // Over the form reader's default ValueCountLimit (1024).
            "too-many-fields" => Raw(Encoding.ASCII.GetBytes(string.Join('&', Enumerable.Range(0, 1500).Select(i => $"f{i}=1")) + tokenPair), UrlEncoded),
            "bad-boundary" => Raw(Encoding.ASCII.GetBytes($"--OTHER\r\nContent-Disposition: form-data; name=\"{field}\"\r\n\r\nx\r\n--OTHER--\r\n"), "multipart/form-data; boundary=XYZ"),
            "bad-part-header" => Raw(Encoding.ASCII.GetBytes($"--XYZ\r\nContent-Disposition form-data name=\"{field}\"\r\n\r\nx\r\n--XYZ--\r\n"), "multipart/form-data; boundary=XYZ"),
            "no-boundary" => Raw(Encoding.ASCII.GetBytes($"--XYZ\r\nContent-Disposition: form-data; name=\"{field}\"\r\n\r\nx\r\n--XYZ--\r\n"), "multipart/form-data"),
            "wrong-type" => Raw(Encoding.ASCII.GetBytes($"{field}=x" + tokenPair), "text/plain"),
            "invalid-utf8" => Raw([.. Encoding.ASCII.GetBytes($"{field}="), 0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80, .. Encoding.ASCII.GetBytes(tokenPair)], UrlEncoded),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private static ByteArrayContent Raw(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
