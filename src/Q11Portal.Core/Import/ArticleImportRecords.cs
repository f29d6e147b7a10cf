using Q11Portal.Core.Articles;

namespace Q11Portal.Core.Import;

/// <summary>One article of an import file after validation: text in NFC, body already sanitized, time in UTC.</summary>
public sealed record ArticleImportRecord(
    int Position,
    string SourceId,
    string Title,
    string Summary,
    string BodyHtml,
    string Category,
    IReadOnlyList<string> Tags,
    DateTime PublishedAtUtc,
    string? Byline,
    string? Topic,
    string? SecondaryTopic)
{
    /// <summary>What the sanitizer took out of the body (tag names as <see cref="ArticleHtmlSanitizer"/> reports them:
    /// <c>img</c> for an image from another host, <c>iframe</c> for an embed off a player's embed path, <c>a href</c>
    /// for a link address), for the import report.</summary>
    public IReadOnlyList<string> Removed { get; init; } = [];
}

/// <summary>What an import did. Unchanged articles matched their source record exactly and were not written.</summary>
public sealed record ArticleImportResult(int Added, int Updated, int Unchanged, int CategoriesAdded, int TagsAdded)
{
    public int Total => Added + Updated + Unchanged;

    /// <summary>The articles whose body lost something to the sanitizer, in file order.</summary>
    public IReadOnlyList<ArticleImportDrop> Dropped { get; init; } = [];
}

/// <summary>What one article's body lost on import: the words stay, but images from other hosts, embeds off the video
/// players' embed paths, disallowed tags and link addresses do not.</summary>
public sealed record ArticleImportDrop(int Position, string SourceId, string Title, IReadOnlyList<string> Removed)
{
    public override string ToString() =>
        $"Bản ghi {Position} (id \"{SourceId}\", “{Title}”): đã bỏ " + string.Join(", ", Removed.Select(Describe)) + ".";

    private static string Describe(string removed) => removed switch
    {
        "img" => "ảnh lấy từ trang khác (<img>; hãy tải ảnh lên thư viện rồi chèn lại)",
        "iframe" => "khung nhúng không phải trình phát video được phép (<iframe>)",
        "a href" => "địa chỉ liên kết không được phép (chữ của liên kết được giữ)",
        "script" or "style" => $"<{removed}> cùng nội dung",
        _ => $"thẻ <{removed}> (chữ bên trong được giữ)",
    };
}

/// <summary>Progress of a long import: <paramref name="Done"/> of <paramref name="Total"/> records stored.</summary>
public sealed record ArticleImportProgress(int Done, int Total);

/// <summary>One problem found in an import file; <see cref="Position"/> is 1-based, 0 for the file as a whole.</summary>
public sealed record ArticleImportError(int Position, string? SourceId, string? Field, string Message)
{
    public override string ToString()
    {
        if (Position == 0)
        {
            return Message;
        }

        var where = SourceId is null ? $"Bản ghi {Position}" : $"Bản ghi {Position} (id \"{SourceId}\")";
        return Field is null ? $"{where}: {Message}" : $"{where}, trường \"{Field}\": {Message}";
    }
}

/// <summary>The import file was rejected; nothing was written. <see cref="Exception.Message"/> lists the problems in Vietnamese.</summary>
public sealed class ArticleImportException : Exception
{
    public ArticleImportException(IReadOnlyList<ArticleImportError> errors, int total)
        : base(Describe(errors, total))
    {
        Errors = errors;
    }

    public IReadOnlyList<ArticleImportError> Errors { get; }

    private static string Describe(IReadOnlyList<ArticleImportError> errors, int total)
    {
        var lines = errors.Select(e => "  - " + e).ToList();
        if (total > errors.Count)
        {
            lines.Add($"  … và {total - errors.Count} lỗi khác.");
        }

        var header = total == 1 ? "Tệp nhập không hợp lệ, không có gì được ghi:" : $"Tệp nhập có {total} lỗi, không có gì được ghi:";
        return header + Environment.NewLine + string.Join(Environment.NewLine, lines);
    }
}
