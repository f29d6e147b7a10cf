using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Reports;

/// <summary>The structured side of a report: the document it reviews, the reporting unit, the period, its topic and its
/// key figures (label/value/unit rows in the editors' order).</summary>
public sealed class ReportService(PortalDbContext db, AuditLog audit, TimeProvider clock, ILogger<ReportService> logger)
{
    public const int MaxFigures = 60;
    public const int LabelMaxLength = 200;
    public const int UnitMaxLength = 50;
    public const int FieldMaxLength = 200;
    public const int PeriodMaxLength = 100;

    /// <summary>Documents editors pick from most often; the field stays free text.</summary>
    public static readonly string[] CommonDocuments = ["Chỉ thị 05-CT/TW", "Kết luận 01-KL/TW"];

    public Task<ReportFields?> GetAsync(int articleId, CancellationToken ct) =>
        db.Articles.AsNoTracking()
            .Where(a => a.Id == articleId)
            .Select(a => new ReportFields(
                a.Id, a.Title, a.Kind == ArticleKind.Report, a.ReviewedDocument, a.ReportingUnit, a.ReportPeriod, a.TopicId, a.Version,
                a.CreatedById, a.Status,
                a.Figures.OrderBy(f => f.SortOrder).ThenBy(f => f.Id).Select(f => new FigureInput(f.Label, f.Value, f.Unit)).ToList()))
            .SingleOrDefaultAsync(ct);

    /// <summary>Saves the report fields and replaces the figure rows with <paramref name="figures"/> in that order.
    /// On a failure nothing is saved. <paramref name="expectedVersion"/> is the article version the form was read at:
    /// a save over someone else's newer save is refused (Conflict) rather than overwriting it.</summary>
    public async Task<Result> SaveAsync(
        int articleId, Guid expectedVersion, bool isReport, string? reviewedDocument, string? reportingUnit, string? reportPeriod, int? topicId,
        IReadOnlyList<FigureInput> figures, string? userName, CancellationToken ct)
    {
        var article = await db.Articles.Include(a => a.Figures).SingleOrDefaultAsync(a => a.Id == articleId, ct);
        if (article is null)
        {
            return Result.NotFound("Không tìm thấy bài viết này; có thể bài đã bị xóa.");
        }

        if (article.Version != expectedVersion)
        {
            return Result.Conflict("Bài viết vừa được người khác lưu sau khi bạn mở trang này. Hãy tải lại trang để xem bản mới nhất rồi sửa tiếp; nội dung bạn nhập vẫn còn trong biểu mẫu.");
        }

        var document = Clean(reviewedDocument);
        var unit = Clean(reportingUnit);
        var period = Clean(reportPeriod);
        if (document?.Length > FieldMaxLength || unit?.Length > FieldMaxLength || period?.Length > PeriodMaxLength)
        {
            return Result.Invalid($"Văn bản được sơ kết và đơn vị báo cáo dài tối đa {FieldMaxLength} ký tự; kỳ báo cáo tối đa {PeriodMaxLength} ký tự.");
        }

        if (topicId is not null && !await db.Topics.AnyAsync(t => t.Id == topicId, ct))
        {
            return Result.Invalid("Chuyên đề đã chọn không còn tồn tại; hãy chọn lại.");
        }

        var rows = figures
            .Select(f => new FigureInput(VietnameseText.Nfc(f.Label).Trim(), f.Value, Clean(f.Unit)))
            .ToList();
        if (rows.Count > MaxFigures)
        {
            return Result.Invalid($"Mỗi báo cáo có tối đa {MaxFigures} số liệu.");
        }

        if (rows.FirstOrDefault(f => f.Label.Length == 0) is not null)
        {
            return Result.Invalid("Mỗi dòng số liệu cần có tên chỉ tiêu (ví dụ: “Tập thể được khen thưởng”).");
        }

        if (rows.FirstOrDefault(f => f.Label.Length > LabelMaxLength || f.Unit?.Length > UnitMaxLength) is { } tooLong)
        {
            return Result.Invalid($"Tên chỉ tiêu “{Truncate(tooLong.Label)}” hoặc đơn vị quá dài (tối đa {LabelMaxLength} và {UnitMaxLength} ký tự).");
        }

        var duplicate = rows.GroupBy(f => TopicService.FigureKey(f.Label, f.Unit)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return Result.Invalid($"Chỉ tiêu “{duplicate.First().Label}” được nhập hai lần; hãy gộp lại thành một dòng.");
        }

        article.Kind = isReport ? ArticleKind.Report : ArticleKind.News;
        article.ReviewedDocument = document;
        article.ReportingUnit = unit;
        article.ReportPeriod = period;
        article.TopicId = topicId;
        db.ReportFigures.RemoveRange(article.Figures);
        article.Figures = rows.Select((f, i) => new ReportFigure { Label = f.Label, Value = f.Value, Unit = f.Unit, SortOrder = i + 1 }).ToList();
        article.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        article.Version = Guid.NewGuid();
        audit.Add(userName, "report.update", nameof(Article), articleId.ToString(), $"{rows.Count} số liệu; {document}; {period}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Report fields of article {ArticleId} lost a concurrent save by {UserName}", articleId, userName);
            return Result.Conflict("Bài viết vừa được người khác lưu. Hãy tải lại trang để xem bản mới nhất; nội dung bạn nhập vẫn còn trong biểu mẫu.");
        }

        logger.LogInformation("Report fields of article {ArticleId} saved by {UserName} with {Count} figures", articleId, userName, rows.Count);
        return Result.Ok;
    }

    private static string? Clean(string? text) => VietnameseText.NfcOrNull(text)?.Trim() is { Length: > 0 } t ? t : null;

    private static string Truncate(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
