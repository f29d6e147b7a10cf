using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Articles;

/// <summary>The rules a draft must meet before it is stored, checked on what will be stored (after sanitizing).</summary>
public sealed class ArticleDraftValidator(PortalDbContext db, ArticleHtmlSanitizer sanitizer)
{
    /// <summary>Ok, or Invalid with the first problem in Vietnamese.</summary>
    public async Task<Result> ValidateAsync(ArticleDraft draft, CancellationToken ct)
    {
        var title = TextRules.Line(draft.Title);
        if (title.Length == 0)
        {
            return Result.Invalid("Hãy nhập tiêu đề bài viết.");
        }

        if (TextRules.Required("Tiêu đề", title) is { } invisible)
        {
            return Result.Invalid(invisible);
        }

        if (title.Length > Article.TitleMaxLength)
        {
            return Result.Invalid($"Tiêu đề tối đa {Article.TitleMaxLength} ký tự.");
        }

        if ((draft.Summary ?? string.Empty).Trim().Length > Article.SummaryMaxLength)
        {
            return Result.Invalid($"Sapo tối đa {Article.SummaryMaxLength} ký tự.");
        }

        if ((draft.BodyHtml?.Length ?? 0) > ArticleDraft.MaxBodyLength)
        {
            return Result.Invalid("Nội dung bài quá dài (tối đa khoảng 1 triệu ký tự).");
        }

        // Before anything parses the body: a deeply nested one would cost minutes of CPU in the sanitizer.
        if (sanitizer.CheckShape(draft.BodyHtml) is { Succeeded: false } shape)
        {
            return shape;
        }

        // Checked on what will be stored: the sanitizer may drop images (data: URIs, foreign schemes) first.
        if (ImageAltText.Check(sanitizer.Sanitize(draft.BodyHtml, ct)) is { } missingAlt)
        {
            return Result.Invalid(missingAlt);
        }

        if (!await db.Categories.AnyAsync(c => c.Id == draft.CategoryId, ct))
        {
            return Result.Invalid("Hãy chọn chuyên mục.");
        }

        if (draft.LeadImageId is { } imageId && !await db.MediaFiles.AnyAsync(m => m.Id == imageId, ct))
        {
            return Result.Invalid($"Không có ảnh số {imageId} trong thư viện ảnh.");
        }

        return CheckFields(draft);
    }

    private static Result CheckFields(ArticleDraft draft)
    {
        if ((draft.LeadImageCaption ?? string.Empty).Trim().Length > 500)
        {
            return Result.Invalid("Chú thích ảnh tối đa 500 ký tự.");
        }

        if ((draft.Byline ?? string.Empty).Trim().Length > 200 || (draft.Source ?? string.Empty).Trim().Length > 300)
        {
            return Result.Invalid("Tác giả tối đa 200 ký tự, nguồn tối đa 300 ký tự.");
        }

        if (draft.Tags.Count > ArticleDraft.MaxTags)
        {
            return Result.Invalid($"Tối đa {ArticleDraft.MaxTags} từ khóa.");
        }

        if (draft.Tags.Select(TextRules.Line).Any(t => t.Length > ArticleDraft.MaxTagLength || Slug.From(t).Length == 0 || !TextRules.HasVisible(t)))
        {
            return Result.Invalid($"Mỗi từ khóa cần có chữ hoặc số và dài tối đa {ArticleDraft.MaxTagLength} ký tự.");
        }

        return Result.Ok;
    }
}
