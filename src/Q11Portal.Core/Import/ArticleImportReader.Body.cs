using System.Text;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Import;

/// <summary>The article body of an import record: plain paragraphs or HTML, through the portal's sanitizer.</summary>
public static partial class ArticleImportReader
{
    /// <summary>Plain text with paragraphs separated by blank lines → one <c>&lt;p&gt;</c> per paragraph; single line
    /// breaks inside a paragraph become <c>&lt;br&gt;</c>. The result still goes through the sanitizer.</summary>
    public static string ParagraphsToHtml(string text)
    {
        var builder = new StringBuilder(text.Length + 64);
        foreach (var paragraph in BlankLine().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal)))
        {
            var trimmed = paragraph.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            builder.Append("<p>");
            var lines = trimmed.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    builder.Append("<br>");
                }

                AppendEncoded(builder, lines[i].Trim());
            }

            builder.Append("</p>");
        }

        return builder.ToString();
    }

    /// <summary>The sanitized body and what the sanitizer took out of it (for the import report); a null body when
    /// <paramref name="error"/> was told why.</summary>
    private static (string? Html, IReadOnlyList<string> Removed) ReadBody(string? content, string? contentHtml, ArticleHtmlSanitizer sanitizer,
        Action<string?, string> error)
    {
        if (string.IsNullOrWhiteSpace(content) && string.IsNullOrWhiteSpace(contentHtml))
        {
            error("content", "thiếu nội dung: cần \"content\" (văn bản, các đoạn cách nhau bởi một dòng trống) hoặc \"contentHtml\".");
            return (null, []);
        }

        var field = string.IsNullOrWhiteSpace(contentHtml) ? "content" : "contentHtml";
        var raw = string.IsNullOrWhiteSpace(contentHtml) ? ParagraphsToHtml(content!) : contentHtml;
        if (sanitizer.CheckShape(raw) is { Succeeded: false } shape)
        {
            error(field, shape.Message!);
            return (null, []);
        }

        var cleaned = sanitizer.TryClean(raw);
        if (!cleaned.Succeeded)
        {
            error(field, cleaned.Message!);
            return (null, []);
        }

        var clean = cleaned.Value!;
        if (!TextRules.BodyHasContent(clean.Html))
        {
            error(field, "nội dung trống sau khi lọc HTML không an toàn (không có chữ, số hay ảnh nhìn thấy được).");
            return (null, []);
        }

        return (clean.Html, clean.Removed);
    }
}
