using System.Text;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Media;

/// <summary>The display name of an uploaded file (image library, attachments, the download's Content-Disposition):
/// the base of what the client sent, made safe to show and to save on any desktop, with the extension of the type
/// the content was detected as. The sent extension is never kept, so "anh.php.jpg" is shown as "anh-php.jpg" and an
/// "x.aspx" that is really a PNG as "x.png"; stored files have their own random names, this is only what people see.</summary>
public static class UploadName
{
    public const int MaxBaseLength = 120;
    public const string Fallback = "tep-tai-len";

    private static readonly HashSet<string> ReservedDevices = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CLOCK$", "CONIN$", "CONOUT$",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    };

    /// <summary>Base of <paramref name="sentName"/> + <paramref name="detectedExtension"/> (".jpg", ".pdf"; lower-cased).</summary>
    public static string For(string? sentName, string detectedExtension, string fallback = Fallback) =>
        SafeBase(StripExtension(LastSegment(sentName)), fallback) + detectedExtension.ToLowerInvariant();

    /// <summary>The extension the client named (".pdf"), lower case, or "" — only to compare with the detected type.</summary>
    public static string SentExtension(string? sentName) =>
        Path.GetExtension(Clean(LastSegment(sentName)).TrimEnd('.', ' ')).ToLowerInvariant();

    /// <summary>The last path segment: "C:\Users\a\Desktop\báo cáo.pdf" and "../../x.pdf" keep only the file name.</summary>
    private static string LastSegment(string? name)
    {
        var text = VietnameseText.Nfc(name);
        var slash = text.LastIndexOfAny(['/', '\\']);
        return slash >= 0 ? text[(slash + 1)..] : text;
    }

    private static string StripExtension(string name)
    {
        var clean = Clean(name).TrimEnd('.', ' ');
        var dot = clean.LastIndexOf('.');
        return dot > 0 ? clean[..dot] : clean;
    }

    /// <summary>NUL, control, bidi and other format characters removed (they disguise "gpj.exe" as "exe.jpg").</summary>
    private static string Clean(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsControl(rune) || category is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Surrogate
                || rune.Value is 0xFFFD or 0xFFFE or 0xFFFF)
            {
                continue;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    /// <summary>Inner dots and characters Windows forbids become '-', white space one space, ends trimmed, length
    /// limited; a reserved device name gets a prefix; nothing left is the fallback.</summary>
    private static string SafeBase(string name, string fallback)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            var part = rune.Value is '.' or '<' or '>' or ':' or '"' or '|' or '?' or '*' or '/' or '\\' ? "-"
                : Rune.IsWhiteSpace(rune) ? " "
                : rune.ToString();
            if (builder.Length + part.Length > MaxBaseLength)
            {
                break;
            }

            builder.Append(part);
        }

        var text = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        text = text.Trim(' ', '-', '.');
        if (!TextRules.HasVisible(text))
        {
            return fallback;
        }

        return ReservedDevices.Contains(text) ? "tep-" + text : VietnameseText.Nfc(text);
    }
}
