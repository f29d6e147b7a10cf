using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Topics;

namespace Q11Portal.Core.Reports;

/// <summary>Topic pages (Chuyên đề): the public page with its reports' figures side by side, and the editors' CRUD.</summary>
public sealed partial class TopicService(PortalDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 2000;
    private const string NotFoundMessage = "Không tìm thấy chuyên đề này; có thể đã bị xóa.";

    public Task<List<TopicSummary>> ListPublishedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Topics.AsNoTracking()
            .Where(t => t.IsPublished)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Title)
            .Select(t => new TopicSummary(t.Id, t.Title, t.Slug, t.Description, t.IsPublished, t.SortOrder,
                db.Articles.VisibleAt(now).Count(a => a.TopicId == t.Id && a.Kind == ArticleKind.Report)))
            .ToListAsync(ct);
    }

    public Task<List<TopicSummary>> ListAllAsync(CancellationToken ct) =>
        db.Topics.AsNoTracking()
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Title)
            .Select(t => new TopicSummary(t.Id, t.Title, t.Slug, t.Description, t.IsPublished, t.SortOrder,
                db.Articles.Count(a => a.TopicId == t.Id)))
            .ToListAsync(ct);

    public Task<TopicSummary?> FindAsync(int id, CancellationToken ct) =>
        db.Topics.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new TopicSummary(t.Id, t.Title, t.Slug, t.Description, t.IsPublished, t.SortOrder, db.Articles.Count(a => a.TopicId == t.Id)))
            .SingleOrDefaultAsync(ct);

    /// <summary>The public page of a published topic, or null. Reports are ordered by period (the latest year named in
    /// <see cref="Article.ReportPeriod"/>, then publish time); figure rows follow the editors' order.</summary>
    public async Task<TopicPage?> GetPageAsync(string slug, CancellationToken ct)
    {
        var topic = await db.Topics.AsNoTracking()
            .Where(t => t.Slug == slug && t.IsPublished)
            .Select(t => new TopicSummary(t.Id, t.Title, t.Slug, t.Description, t.IsPublished, t.SortOrder, 0))
            .SingleOrDefaultAsync(ct);
        if (topic is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Articles.AsNoTracking()
            .VisibleAt(now)
            .Where(a => a.TopicId == topic.Id && a.Kind == ArticleKind.Report)
            .Select(a => new
            {
                Report = new TopicReport(a.Id, a.Title, a.Slug, a.Summary, a.ReviewedDocument, a.ReportingUnit, a.ReportPeriod, a.PublishedAtUtc!.Value),
                Figures = a.Figures.OrderBy(f => f.SortOrder).ThenBy(f => f.Id).Select(f => new { f.Label, f.Value, f.Unit, f.SortOrder }).ToList(),
            })
            .ToListAsync(ct);

        var ordered = rows
            .OrderBy(r => PeriodYear(r.Report.ReportPeriod) ?? LocalTime.ToLocal(r.Report.PublishedAtUtc).Year)
            .ThenBy(r => r.Report.PublishedAtUtc)
            .ToList();

        // Rows are matched across reports by label and unit without regard to case, spacing or diacritics.
        var keys = new List<(string Key, string Label, string? Unit, int Order, int Seen)>();
        var values = new Dictionary<string, decimal?[]>();
        for (var column = 0; column < ordered.Count; column++)
        {
            foreach (var figure in ordered[column].Figures)
            {
                var key = FigureKey(figure.Label, figure.Unit);
                if (!values.TryGetValue(key, out var cells))
                {
                    cells = new decimal?[ordered.Count];
                    values[key] = cells;
                    keys.Add((key, figure.Label, figure.Unit, figure.SortOrder, keys.Count));
                }

                cells[column] ??= figure.Value;
            }
        }

        var figures = keys
            .OrderBy(k => k.Order).ThenBy(k => k.Seen)
            .Select(k => new FigureRow(k.Label, k.Unit, values[k.Key]))
            .ToList();
        return new TopicPage(topic with { ReportCount = ordered.Count }, ordered.Select(r => r.Report).ToList(), figures);
    }

    /// <summary>Creates a topic; the value is its id.</summary>
    public async Task<Result<int>> CreateAsync(string? title, string? slug, string? description, bool isPublished, string? userName, CancellationToken ct)
    {
        var fields = await ValidateAsync(null, title, slug, description, ct);
        if (fields.Value is not { } clean)
        {
            return Result<int>.From(fields);
        }

        var order = await db.Topics.MaxAsync(t => (int?)t.SortOrder, ct) ?? 0;
        var topic = new Topic { Title = clean.Title, Slug = clean.Slug, Description = clean.Description, IsPublished = isPublished, SortOrder = order + 1 };
        db.Topics.Add(topic);
        await db.SaveChangesAsync(ct);
        audit.Add(userName, "topic.create", nameof(Topic), topic.Id.ToString(), clean.Title);
        ContentChangeLog.Record(db, ContentKind.Topic, topic.Id, clock);
        await db.SaveChangesAsync(ct);
        return topic.Id;
    }

    public async Task<Result> UpdateAsync(int id, string? title, string? slug, string? description, bool isPublished, int sortOrder, string? userName, CancellationToken ct)
    {
        var topic = await db.Topics.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (topic is null)
        {
            return Result.NotFound(NotFoundMessage);
        }

        var fields = await ValidateAsync(id, title, slug, description, ct);
        if (fields.Value is not { } clean)
        {
            return fields;
        }

        var details = topic.Slug != clean.Slug ? $"{topic.Title} → {clean.Title}; slug {topic.Slug} → {clean.Slug}" : clean.Title;
        topic.Title = clean.Title;
        topic.Slug = clean.Slug;
        topic.Description = clean.Description;
        topic.IsPublished = isPublished;
        topic.SortOrder = sortOrder;
        audit.Add(userName, "topic.update", nameof(Topic), id.ToString(), details);
        ContentChangeLog.Record(db, ContentKind.Topic, id, clock);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    /// <summary>Deletes a topic that no report belongs to; one that still has reports is Invalid.</summary>
    public async Task<Result> DeleteAsync(int id, string? userName, CancellationToken ct)
    {
        var topic = await db.Topics.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (topic is null)
        {
            return Result.NotFound(NotFoundMessage);
        }

        var reports = await db.Articles.CountAsync(a => a.TopicId == id, ct);
        if (reports > 0)
        {
            return Result.Invalid($"Chuyên đề “{topic.Title}” còn {reports} bài báo cáo; hãy chuyển các bài sang chuyên đề khác trước khi xóa.");
        }

        db.Topics.Remove(topic);
        audit.Add(userName, "topic.delete", nameof(Topic), id.ToString(), topic.Title);
        ContentChangeLog.Record(db, ContentKind.Topic, id, clock, ContentChangeKind.Removed);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    /// <summary>The latest four-digit year in a period text: "Sơ kết 2021–2025" → 2025, "6 tháng đầu năm 2024" → 2024.</summary>
    public static int? PeriodYear(string? period)
    {
        if (string.IsNullOrWhiteSpace(period))
        {
            return null;
        }

        var years = Year().Matches(period).Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return years.Count == 0 ? null : years.Max();
    }

    internal static string FigureKey(string label, string? unit) =>
        string.Join(' ', VietnameseText.Fold(label).Split(' ', StringSplitOptions.RemoveEmptyEntries)) + "|" + VietnameseText.Fold(unit).Trim();

    /// <summary>The cleaned fields (NFC, trimmed, slug from the title when none is given), or Invalid.</summary>
    private async Task<Result<TopicFields>> ValidateAsync(int? id, string? title, string? slug, string? description, CancellationToken ct)
    {
        var cleanTitle = VietnameseText.Nfc(title).Trim();
        var cleanDescription = VietnameseText.NfcOrNull(description)?.Trim() is { Length: > 0 } d ? d : null;
        var cleanSlug = Slug.From(string.IsNullOrWhiteSpace(slug) ? cleanTitle : slug);
        var problem =
            cleanTitle.Length == 0 ? "Vui lòng nhập tên chuyên đề."
            : cleanTitle.Length > TitleMaxLength ? $"Tên chuyên đề dài tối đa {TitleMaxLength} ký tự."
            : cleanDescription?.Length > DescriptionMaxLength ? $"Phần giới thiệu dài tối đa {DescriptionMaxLength} ký tự."
            : cleanSlug.Length == 0 ? "Đường dẫn (slug) phải có ít nhất một chữ cái hoặc chữ số."
            : await db.Topics.AnyAsync(t => t.Slug == cleanSlug && t.Id != id, ct) ? $"Đường dẫn “{cleanSlug}” đã được chuyên đề khác dùng; hãy chọn đường dẫn khác."
            : null;
        return problem is null ? new TopicFields(cleanTitle, cleanSlug, cleanDescription) : Result<TopicFields>.From(Result.Invalid(problem));
    }

    private sealed record TopicFields(string Title, string Slug, string? Description);

    [GeneratedRegex(@"(?<!\d)(19|20)\d{2}(?!\d)")]
    private static partial Regex Year();
}
