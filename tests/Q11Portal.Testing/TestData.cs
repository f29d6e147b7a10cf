using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Topics;

namespace Q11Portal.Testing;

/// <summary>Rows several suites need, built the same way everywhere.</summary>
public static class TestData
{
    /// <summary>Adds a Directive 05 topic with three published reports (stored out of period order), one draft report
    /// and one report of another topic.</summary>
    public static async Task<Topic> SeedDirective05TopicAsync(PortalDbContext db)
    {
        var category = new Category { Name = "Xây dựng Đảng", Slug = "xay-dung-dang" };
        var topic = new Topic { Title = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", Slug = "hoc-tap-va-lam-theo-bac" };
        var other = new Topic { Title = "Chuyển đổi số", Slug = "chuyen-doi-so" };
        var now = DateTime.UtcNow;

        Article Report(string title, string period, DateTime published, ArticleStatus status, Topic t, params (string Label, decimal Value, string? Unit)[] figures) => new()
        {
            Title = title,
            Slug = Slug.From(title),
            Category = category,
            Kind = ArticleKind.Report,
            Status = status,
            PublishedAtUtc = status == ArticleStatus.Published ? published : null,
            ReviewedDocument = "Chỉ thị 05-CT/TW",
            ReportingUnit = "Ban Tuyên giáo Quận ủy",
            ReportPeriod = period,
            Topic = t,
            Figures = figures.Select((f, i) => new ReportFigure { Label = f.Label, Value = f.Value, Unit = f.Unit, SortOrder = i + 1 }).ToList(),
        };

        db.Articles.AddRange(
            Report("Sơ kết năm 2023", "Năm 2023", now.AddDays(-30), ArticleStatus.Published, topic,
                ("Tập thể được khen thưởng", 70, "tập thể"), ("Cá nhân được khen thưởng", 152, "người"), ("Mô hình hay", 12, null)),
            Report("Tổng kết giai đoạn 2016–2021", "2016–2021", now.AddDays(-10), ArticleStatus.Published, topic,
                ("Tập thể được khen thưởng", 310, "tập thể"), ("Cá nhân được khen thưởng", 1204.5m, "người")),
            Report("Sơ kết 6 tháng đầu năm 2024", "6 tháng đầu năm 2024", now.AddDays(-5), ArticleStatus.Published, topic,
                ("Cá nhân được khen thưởng", 88, "người"), ("tập thể  được KHEN thưởng", 41, "Tập thể"), ("Đảng viên mới", 25, "người")),
            Report("Bản nháp 2025", "Năm 2025", now, ArticleStatus.Draft, topic, ("Tập thể được khen thưởng", 999, "tập thể")),
            Report("Báo cáo chuyển đổi số", "Năm 2024", now.AddDays(-3), ArticleStatus.Published, other, ("Tập thể được khen thưởng", 5, "tập thể")));
        await db.SaveChangesAsync();
        return topic;
    }
}
