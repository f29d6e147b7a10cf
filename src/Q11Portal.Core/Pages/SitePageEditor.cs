using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Pages;

/// <summary>Admins' commands on site pages. Bodies go through the articles' sanitizer; every save keeps a revision
/// and an audit entry; a save made over someone else's newer save answers Conflict instead of overwriting it.</summary>
public sealed class SitePageEditor(PortalDbContext db, ArticleHtmlSanitizer sanitizer, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<SitePageSaved>> CreateAsync(SitePageInput input, string? userName, CancellationToken ct)
    {
        var page = new SitePage { CreatedAtUtc = Now };
        var applied = await ApplyAsync(page, input, ct);
        if (!applied.Succeeded)
        {
            return applied;
        }

        db.SitePages.Add(page);
        page.Revisions.Add(Revision(page, 1, userName));
        audit.Add(userName, AuditActions.SitePageCreated, nameof(SitePage), page.Slug, page.Title);
        return await SaveAsync(page, applied.Value!.Notice, ct);
    }

    /// <param name="expectedVersion">The version the admin's form was made from.</param>
    public async Task<Result<SitePageSaved>> UpdateAsync(int id, SitePageInput input, Guid expectedVersion, string? userName, CancellationToken ct)
    {
        var page = await db.SitePages.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (page is null)
        {
            return Result<SitePageSaved>.From(PageNotFound);
        }

        if (page.Version != expectedVersion)
        {
            return Result<SitePageSaved>.From(Stale(page));
        }

        var oldSlug = page.Slug;
        var applied = await ApplyAsync(page, input, ct);
        if (!applied.Succeeded)
        {
            return applied;
        }

        if (SitePageRules.IsSystem(oldSlug) && page.Slug != oldSlug)
        {
            db.ChangeTracker.Clear();
            return Result<SitePageSaved>.From(Result.Invalid($"Đường dẫn của trang “{page.Title}” cố định là {SitePageRules.Url(oldSlug)} (các chức năng khác của cổng liên kết tới đây); hãy để nguyên."));
        }

        db.SitePageRevisions.Add(Revision(page, await NextNumberAsync(id, ct), userName));
        audit.Add(userName, AuditActions.SitePageUpdated, nameof(SitePage), page.Slug,
            $"{page.Title} ({SitePageRules.PlacementName(page.Placement)}, {(page.IsPublished ? "hiển thị" : "ẩn")})");
        return await SaveAsync(page, applied.Value!.Notice, ct);
    }

    /// <summary>Makes revision <paramref name="number"/>'s title and body the page's again (a new revision).</summary>
    public async Task<Result> RestoreAsync(int id, int number, string? userName, CancellationToken ct)
    {
        var page = await db.SitePages.SingleOrDefaultAsync(p => p.Id == id, ct);
        var revision = await db.SitePageRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.SitePageId == id && r.Number == number, ct);
        if (page is null || revision is null)
        {
            return Result.NotFound("Không tìm thấy phiên bản này của trang.");
        }

        page.Title = revision.Title;
        page.BodyHtml = revision.BodyHtml;
        db.SitePageRevisions.Add(Revision(page, await NextNumberAsync(id, ct), userName));
        audit.Add(userName, AuditActions.SitePageRestored, nameof(SitePage), page.Slug, $"{page.Title}: khôi phục phiên bản {number}");
        var saved = await SaveAsync(page, null, ct);
        return saved.Succeeded ? Result.Ok : saved;
    }

    public async Task<Result> DeleteAsync(int id, string? userName, CancellationToken ct)
    {
        var page = await db.SitePages.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (page is null)
        {
            return PageNotFound;
        }

        if (SitePageRules.IsSystem(page.Slug))
        {
            return Result.Invalid($"Trang “{page.Title}” là trang cố định của cổng nên không xóa được; có thể sửa nội dung hoặc ẩn trang.");
        }

        db.SitePages.Remove(page);
        // The body goes into the log: a deleted page leaves a trace of what it said.
        audit.Add(userName, AuditActions.SitePageDeleted, nameof(SitePage), page.Slug, $"{page.Title}\n{page.BodyHtml}");
        ContentChangeLog.Record(db, ContentKind.SitePage, id, clock, ContentChangeKind.Removed);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    private async Task<Result<SitePageSaved>> ApplyAsync(SitePage page, SitePageInput input, CancellationToken ct)
    {
        var title = TextRules.Line(input.Title);
        if (TextRules.Required("Tiêu đề trang", title) is { } missing)
        {
            return Invalid(missing);
        }

        if (title.Length > SitePageRules.TitleMaxLength)
        {
            return Invalid($"Tiêu đề trang dài tối đa {SitePageRules.TitleMaxLength} ký tự.");
        }

        var slug = Slug.From(string.IsNullOrWhiteSpace(input.Slug) ? title : input.Slug);
        if (slug.Length == 0 || slug.Length > SitePageRules.SlugMaxLength)
        {
            return Invalid($"Đường dẫn phải có từ 1 đến {SitePageRules.SlugMaxLength} chữ cái hoặc số (không dấu, nối bằng gạch ngang).");
        }

        if (await db.SitePages.AnyAsync(p => p.Slug == slug && p.Id != page.Id, ct))
        {
            return Invalid($"Đường dẫn “{slug}” đã được một trang khác dùng; hãy chọn đường dẫn khác.");
        }

        var summary = TextRules.Line(input.Summary);
        if (summary.Length > SitePageRules.SummaryMaxLength)
        {
            return Invalid($"Mô tả ngắn dài tối đa {SitePageRules.SummaryMaxLength} ký tự.");
        }

        if (!Enum.IsDefined(input.Placement) || input.SortOrder is < 0 or > 999)
        {
            return Invalid("Vị trí liên kết hoặc thứ tự không hợp lệ (thứ tự từ 0 đến 999).");
        }

        var shape = sanitizer.CheckShape(input.BodyHtml);
        if (!shape.Succeeded)
        {
            return Result<SitePageSaved>.From(shape);
        }

        var cleaned = sanitizer.TryClean(input.BodyHtml, ct);
        if (!cleaned.Succeeded)
        {
            return Result<SitePageSaved>.From(cleaned);
        }

        var body = cleaned.Value!;
        if (!TextRules.BodyHasContent(body.Html))
        {
            return Invalid("Nội dung trang đang trống hoặc không có chữ, số hay ảnh nhìn thấy được.");
        }

        page.Title = title;
        page.Slug = slug;
        page.Summary = summary.Length == 0 ? null : summary;
        page.BodyHtml = body.Html;
        page.Placement = input.Placement;
        page.SortOrder = input.SortOrder;
        page.IsPublished = input.IsPublished;
        return new SitePageSaved(page.Id, ArticleHtmlSanitizer.Notice(body.Removed));
    }

    private async Task<Result<SitePageSaved>> SaveAsync(SitePage page, string? notice, CancellationToken ct)
    {
        page.UpdatedAtUtc = Now;
        page.Version = Guid.NewGuid();
        // Pages sit in every page's menu or footer: each node drops its cached pages (a new page's id does not matter).
        ContentChangeLog.Record(db, ContentKind.SitePage, page.Id, clock);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Result<SitePageSaved>.From(Result.Conflict("Trang vừa được người khác lưu (hoặc đường dẫn vừa bị dùng); hãy tải lại trang, nội dung của bạn vẫn còn trong biểu mẫu."));
        }

        return new SitePageSaved(page.Id, notice);
    }

    private SitePageRevision Revision(SitePage page, int number, string? userName)
    {
        page.UpdatedBy = userName;
        return new() { SitePageId = page.Id, Number = number, AtUtc = Now, UserName = userName, Title = page.Title, BodyHtml = page.BodyHtml };
    }

    private async Task<int> NextNumberAsync(int pageId, CancellationToken ct) =>
        (await db.SitePageRevisions.Where(r => r.SitePageId == pageId).MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;

    private static Result Stale(SitePage page) =>
        Result.Conflict($"Trang đã được {page.UpdatedBy ?? "người khác"} lưu lúc {VietnameseDates.ShortDateTime(page.UpdatedAtUtc)}, sau khi bạn mở biểu mẫu. " +
            "Nội dung của bạn vẫn còn bên dưới; hãy mở trang ở thẻ khác, so sánh rồi lưu lại.");

    private static Result<SitePageSaved> Invalid(string message) => Result<SitePageSaved>.From(Result.Invalid(message));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static readonly Result PageNotFound = Result.NotFound("Không tìm thấy trang này; có thể đã bị xóa.");
}
