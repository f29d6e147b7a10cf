using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Common;
using Q11Portal.Core.Tags;

namespace Q11Portal.Core.Import;

/// <summary>Reads and validates an import file (a JSON array in the format of the development corpus) before anything
/// is written: every problem is collected with its record and field, so an operator can fix the file in one go.</summary>
public static partial class ArticleImportReader
{
    /// <summary>At most this many problems are listed; the count of the rest is still reported.</summary>
    public const int MaxListedErrors = 20;
    public const int SourceIdMaxLength = 100;
    public const int BylineMaxLength = 200;
    public const int TagNameMaxLength = 100;
    public const int CategoryNameMaxLength = 150;
    public const int MaxTagsPerArticle = 20;

    public static async Task<IReadOnlyList<ArticleImportRecord>> ReadAsync(Stream json, ArticleHtmlSanitizer sanitizer, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }, ct);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" ở dòng {line + 1}, cột {(ex.BytePositionInLine ?? 0) + 1}" : string.Empty;
            throw new ArticleImportException([new ArticleImportError(0, null, null, $"Tệp không phải JSON hợp lệ{where}: {ex.Message}")], 1);
        }

        using (document)
        {
            return Read(document.RootElement, sanitizer);
        }
    }

    public static IReadOnlyList<ArticleImportRecord> Read(JsonElement root, ArticleHtmlSanitizer sanitizer)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new ArticleImportException([new ArticleImportError(0, null, null, $"Tệp nhập phải là một mảng JSON các bài viết, nhưng gốc là {Describe(root.ValueKind)}.")], 1);
        }

        var errors = new List<ArticleImportError>();
        var records = new List<ArticleImportRecord>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var position = 0;
        foreach (var element in root.EnumerateArray())
        {
            position++;
            var record = ReadOne(element, position, sanitizer, errors);
            if (record is null)
            {
                continue;
            }

            if (seen.TryGetValue(record.SourceId, out var first))
            {
                errors.Add(new ArticleImportError(position, record.SourceId, "id", $"trùng với bản ghi {first}; mỗi id chỉ được xuất hiện một lần."));
                continue;
            }

            seen[record.SourceId] = position;
            records.Add(record);
        }

        if (errors.Count > 0)
        {
            throw new ArticleImportException(errors.Take(MaxListedErrors).ToList(), errors.Count);
        }

        return records;
    }

    private static ArticleImportRecord? ReadOne(JsonElement element, int position, ArticleHtmlSanitizer sanitizer, List<ArticleImportError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ArticleImportError(position, null, null, $"phải là một đối tượng JSON, nhưng là {Describe(element.ValueKind)}."));
            return null;
        }

        var before = errors.Count;
        string? sourceId = null;
        void Error(string? field, string message) => errors.Add(new ArticleImportError(position, sourceId, field, message));

        sourceId = RequiredString(element, "id", SourceIdMaxLength, Error);
        var title = RequiredString(element, "title", Article.TitleMaxLength, Error);
        var category = RequiredString(element, "category", CategoryNameMaxLength, Error);
        var summary = OptionalString(element, "summary", Article.SummaryMaxLength, Error) ?? string.Empty;
        var byline = OptionalString(element, "author", BylineMaxLength, Error);
        var topic = OptionalString(element, "topic", SourceIdMaxLength, Error);
        var secondaryTopic = OptionalString(element, "secondaryTopic", SourceIdMaxLength, Error);
        var content = OptionalString(element, "content", int.MaxValue, Error);
        var contentHtml = OptionalString(element, "contentHtml", int.MaxValue, Error);

        if (title is not null && TextRules.Required("Tiêu đề", title) is { } invisibleTitle)
        {
            Error("title", invisibleTitle);
        }

        if (category is not null && Slug.From(category).Length == 0)
        {
            Error("category", $"\"{category}\" không tạo được đường dẫn (slug); cần có chữ hoặc số.");
        }

        DateTime? publishedAtUtc = null;
        if (!element.TryGetProperty("publishedAt", out var published) || published.ValueKind == JsonValueKind.Null)
        {
            Error("publishedAt", "thiếu thời điểm đăng (ISO 8601 có múi giờ, ví dụ 2024-06-01T08:30:00+07:00).");
        }
        else if (published.ValueKind != JsonValueKind.String)
        {
            Error("publishedAt", $"phải là chuỗi ngày giờ, nhưng là {Describe(published.ValueKind)}.");
        }
        else
        {
            publishedAtUtc = ParseTime(published.GetString()!, Error);
        }

        var tags = new List<string>();
        if (element.TryGetProperty("tags", out var tagsElement) && tagsElement.ValueKind != JsonValueKind.Null)
        {
            if (tagsElement.ValueKind != JsonValueKind.Array)
            {
                Error("tags", $"phải là một mảng chuỗi, nhưng là {Describe(tagsElement.ValueKind)}.");
            }
            else
            {
                foreach (var tag in tagsElement.EnumerateArray())
                {
                    if (tag.ValueKind != JsonValueKind.String)
                    {
                        Error("tags", $"mỗi từ khóa phải là chuỗi, có một giá trị là {Describe(tag.ValueKind)}.");
                        continue;
                    }

                    var name = TextRules.Line(tag.GetString());
                    if (name.Length == 0)
                    {
                        continue;
                    }

                    if (name.Length > TagNameMaxLength)
                    {
                        Error("tags", $"từ khóa \"{name[..30]}…\" dài {name.Length} ký tự, tối đa {TagNameMaxLength}.");
                    }
                    else if (Slug.From(name).Length == 0)
                    {
                        Error("tags", $"từ khóa \"{name}\" không tạo được đường dẫn (slug); cần có chữ hoặc số.");
                    }
                    else if (!tags.Any(t => Slug.From(t) == Slug.From(name)))
                    {
                        tags.Add(name);
                    }
                }

                if (tags.Count > MaxTagsPerArticle)
                {
                    Error("tags", $"có {tags.Count} từ khóa, tối đa {MaxTagsPerArticle}.");
                }
            }
        }

        var (bodyHtml, removed) = ReadBody(content, contentHtml, sanitizer, Error);

        if (errors.Count > before)
        {
            return null;
        }

        return new ArticleImportRecord(position, sourceId!, title!, summary, bodyHtml!, category!, tags, publishedAtUtc!.Value, byline, topic, secondaryTopic)
        {
            Removed = removed,
        };
    }

    private static DateTime? ParseTime(string text, Action<string?, string> error)
    {
        var trimmed = text.Trim();
        if (!HasOffset().IsMatch(trimmed))
        {
            error("publishedAt", $"\"{text}\" thiếu múi giờ; hãy ghi rõ, ví dụ 2024-06-01T08:30:00+07:00.");
            return null;
        }

        if (!DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            || !IsoDate().IsMatch(trimmed))
        {
            error("publishedAt", $"\"{text}\" không phải ngày giờ hợp lệ theo ISO 8601 (ví dụ 2024-06-01T08:30:00+07:00).");
            return null;
        }

        if (value.Year < 1990 || value.Year > 2100)
        {
            error("publishedAt", $"\"{text}\" nằm ngoài khoảng năm 1990–2100.");
            return null;
        }

        return value.UtcDateTime;
    }

    private static string? RequiredString(JsonElement element, string field, int maxLength, Action<string?, string> error)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            error(field, "thiếu trường bắt buộc.");
            return null;
        }

        var text = StringValue(value, field, maxLength, error);
        if (text is { Length: 0 })
        {
            error(field, "không được để trống.");
            return null;
        }

        return text;
    }

    private static string? OptionalString(JsonElement element, string field, int maxLength, Action<string?, string> error)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return StringValue(value, field, maxLength, error) is { Length: > 0 } text ? text : null;
    }

    private static string? StringValue(JsonElement value, string field, int maxLength, Action<string?, string> error)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            error(field, $"phải là chuỗi, nhưng là {Describe(value.ValueKind)}.");
            return null;
        }

        var raw = VietnameseText.Nfc(value.GetString());
        // Bodies keep their line structure (paragraphs); one-line fields collapse runs of white space.
        // Other one-line fields lose bidi controls too (TextRules.Line); the summary keeps what the writer typed.
        var text = field is "content" or "contentHtml" ? raw.Trim() : field == "summary" ? CollapseSpaces(raw) : TextRules.Line(raw);
        if (text.Length > maxLength)
        {
            error(field, $"dài {text.Length} ký tự, tối đa {maxLength}.");
            return null;
        }

        return text;
    }

    private static string CollapseSpaces(string text) => Spaces().Replace(text, " ").Trim();

    private static void AppendEncoded(StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "một đối tượng",
        JsonValueKind.Array => "một mảng",
        JsonValueKind.String => "một chuỗi",
        JsonValueKind.Number => "một số",
        JsonValueKind.True or JsonValueKind.False => "giá trị true/false",
        JsonValueKind.Null => "null",
        _ => "không xác định",
    };

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(Z|z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex HasOffset();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")]
    private static partial Regex IsoDate();
}

internal static class ImportNames
{
    public static string CategorySlug(string name) => Slug.From(name);
    public static string TagSlug(string name) => Slug.From(name);
    public static Category NewCategory(string name, int sortOrder) => new() { Name = name, Slug = CategorySlug(name), SortOrder = sortOrder };
    public static Tag NewTag(string name) => new() { Name = name, Slug = TagSlug(name) };
}
