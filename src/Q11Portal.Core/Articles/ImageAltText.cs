using AngleSharp.Html.Parser;

namespace Q11Portal.Core.Articles;

/// <summary>Accessibility rule for article bodies: every picture needs a text alternative that a screen reader can
/// read out. The editor's save path refuses a body that breaks it (<see cref="Check"/>), with a message that names
/// the pictures to fix.</summary>
public static class ImageAltText
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The src of every &lt;img&gt; whose alt is missing or blank, in document order.</summary>
    public static IReadOnlyList<string> ImagesWithoutAlt(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return [];
        }

        using var document = Parser.ParseDocument("<body>" + html + "</body>");
        return document.QuerySelectorAll("img")
            .Where(img => string.IsNullOrWhiteSpace(img.GetAttribute("alt")))
            .Select(img => img.GetAttribute("src") ?? "(ảnh không có địa chỉ)")
            .ToList();
    }

    /// <summary>Null when every image has alt text; otherwise the Vietnamese error to show the editor.</summary>
    public static string? Check(string? html)
    {
        var missing = ImagesWithoutAlt(html);
        if (missing.Count == 0)
        {
            return null;
        }

        var names = string.Join(", ", missing.Take(5).Select(src => "“" + FileName(src) + "”"));
        var more = missing.Count > 5 ? $" và {missing.Count - 5} ảnh khác" : string.Empty;
        return $"Có {missing.Count} ảnh trong nội dung chưa có lời mô tả (văn bản thay thế cho người khiếm thị): {names}{more}. "
            + "Hãy nhập mô tả ngắn cho từng ảnh rồi lưu lại; nội dung bài viết vẫn được giữ nguyên.";
    }

    private static string FileName(string src)
    {
        var path = src.Split('?', '#')[0].TrimEnd('/');
        var slash = path.LastIndexOf('/');
        var name = slash >= 0 ? path[(slash + 1)..] : path;
        return name.Length == 0 ? src : name.Length > 60 ? name[..60] + "…" : name;
    }
}
