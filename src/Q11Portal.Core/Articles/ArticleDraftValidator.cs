using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Articles;

/// <summary>The rules a draft must meet before it is stored, checked on what will be stored (after sanitizing).</summary>
public sealed class ArticleDraftValidator(PortalDbContext db, ArticleHtmlSanitizer sanitizer)
{
    /// <summary>Ok, or Invalid with the first problem in Vietnamese.</summary>
    public Task<Result> ValidateAsync(ArticleDraft draft, CancellationToken ct) => ValidateAsync(draft, null, ct);

    /// <summary>As above, for the article <paramref name="articleId"/> (null: a new one), which may not pin itself.</summary>
    public async Task<Result> ValidateAsync(ArticleDraft draft, int? articleId, CancellationToken ct)
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
        var cleaned = sanitizer.TryClean(draft.BodyHtml, ct);
        if (!cleaned.Succeeded)
        {
            return cleaned;
        }

        if (ImageAltText.Check(cleaned.Value!.Html) is { } missingAlt)
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

        if (CheckFields(draft) is { Succeeded: false } fields)
        {
            return fields;
        }

        return await CheckEditorialAsync(draft, articleId, ct);
    }

    private async Task<Result> CheckEditorialAsync(ArticleDraft draft, int? articleId, CancellationToken ct)
    {
        if (draft.ExpiresAtUtc is { } expires && draft.PublishAtUtc is { } publish && expires <= publish)
        {
            return Result.Invalid("Thời điểm hết hạn phải sau thời điểm xuất bản.");
        }

        if (draft.IsFeatured && draft.FeaturedOrder is < 1 or > ArticleDraft.MaxFeaturedOrder)
        {
            return Result.Invalid($"Thứ tự tin nổi bật là một số từ 1 đến {ArticleDraft.MaxFeaturedOrder} (để trống: xếp sau các tin có số).");
        }

        var pinned = draft.PinnedRelatedIds ?? [];
        if (pinned.Count > ArticleDraft.MaxPinnedRelated)
        {
            return Result.Invalid($"Ghim tối đa {ArticleDraft.MaxPinnedRelated} tin liên quan.");
        }

        if (articleId is { } self && pinned.Contains(self))
        {
            return Result.Invalid("Không thể ghim chính bài này làm tin liên quan.");
        }

        var found = await db.Articles.Where(a => pinned.Contains(a.Id) && a.Status != ArticleStatus.Trashed).Select(a => a.Id).ToListAsync(ct);
        return pinned.FirstOrDefault(id => !found.Contains(id)) is var missing and > 0
            ? Result.Invalid($"Không có bài viết số {missing} để ghim làm tin liên quan (hoặc bài đã nằm trong thùng rác).")
            : Result.Ok;
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
