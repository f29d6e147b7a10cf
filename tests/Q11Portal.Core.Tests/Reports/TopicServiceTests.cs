using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Reports;
using Q11Portal.Core.Topics;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Reports;

public sealed class TopicServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TopicService Service(PortalDbContext db) =>
        new(db, new AuditLog(db, TimeProvider.System, NullLogger<AuditLog>.Instance), TimeProvider.System);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task GetPage_Directive05TopicWithThreeReports_PutsTheirFiguresSideBySide(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await TestData.SeedDirective05TopicAsync(db);

        var page = await Service(db).GetPageAsync("hoc-tap-va-lam-theo-bac", Ct);

        Assert.NotNull(page);
        // Columns by period: 2016–2021, 2023, first half of 2024; the draft and the other topic's report are absent.
        Assert.Equal(["2016–2021", "Năm 2023", "6 tháng đầu năm 2024"], page.Reports.Select(r => r.ColumnTitle));
        Assert.Equal(["Tập thể được khen thưởng (tập thể)", "Cá nhân được khen thưởng (người)", "Mô hình hay", "Đảng viên mới (người)"],
            page.Figures.Select(f => f.Heading));
        Assert.Equal([310m, 70m, 41m], page.Figures[0].Values);
        Assert.Equal([1204.5m, 152m, 88m], page.Figures[1].Values);
        Assert.Equal([null, 12m, null], page.Figures[2].Values);
        Assert.Equal([null, null, 25m], page.Figures[3].Values);
    }

    [Fact]
    public async Task GetPage_UnpublishedTopic_IsNull_AndIndexListsOnlyPublishedReports()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var topic = await TestData.SeedDirective05TopicAsync(db);
        db.Topics.Add(new Topic { Title = "Ẩn", Slug = "an", IsPublished = false });
        await db.SaveChangesAsync(Ct);
        var service = Service(db);

        Assert.Null(await service.GetPageAsync("an", Ct));
        Assert.Null(await service.GetPageAsync("khong-co", Ct));
        var index = await service.ListPublishedAsync(Ct);
        Assert.Equal(3, index.Single(t => t.Id == topic.Id).ReportCount);
        Assert.DoesNotContain(index, t => t.Slug == "an");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CreateUpdateDelete_ValidateAndAudit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var service = Service(db);

        var created = await service.CreateAsync("Học tập và làm theo Bác", null, "Giới thiệu", true, "editor", Ct);
        Assert.True(created.Succeeded, created.Message);
        var id = created.Value;
        var duplicate = await service.CreateAsync("Khác", "hoc-tap-va-lam-theo-bac", null, true, "editor", Ct);
        Assert.Equal(Outcome.Invalid, duplicate.Outcome);
        Assert.Contains("đã được chuyên đề khác dùng", duplicate.Message);
        var empty = await service.CreateAsync("  ", null, null, true, "editor", Ct);
        Assert.Equal((Outcome.Invalid, "Vui lòng nhập tên chuyên đề."), (empty.Outcome, empty.Message));

        Assert.Equal(Result.Ok, await service.UpdateAsync(id, "Chỉ thị 05", "chi-thi-05", null, false, 3, "editor", Ct));
        Assert.Equal(Outcome.NotFound, (await service.UpdateAsync(id + 1000, "Khác", null, null, true, 1, "editor", Ct)).Outcome);
        var updated = await service.FindAsync(id, Ct);
        Assert.Equal(("Chỉ thị 05", "chi-thi-05", false, 3), (updated!.Title, updated.Slug, updated.IsPublished, updated.SortOrder));

        var report = new Article { Title = "BC", Slug = "bc", Category = new Category { Name = "C", Slug = "c" }, Kind = ArticleKind.Report, TopicId = id };
        db.Articles.Add(report);
        await db.SaveChangesAsync(Ct);
        var stillUsed = await service.DeleteAsync(id, "editor", Ct);
        Assert.Equal(Outcome.Invalid, stillUsed.Outcome);
        Assert.Contains("còn 1 bài báo cáo", stillUsed.Message);
        db.Articles.Remove(report);
        await db.SaveChangesAsync(Ct);
        Assert.Equal(Result.Ok, await service.DeleteAsync(id, "editor", Ct));
        Assert.Equal(Outcome.NotFound, (await service.DeleteAsync(id, "editor", Ct)).Outcome);
        Assert.Equal(["topic.create", "topic.update", "topic.delete"], await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct));
    }

    [Theory]
    [InlineData("Năm 2023", 2023)]
    [InlineData("Sơ kết 2021–2025", 2025)]
    [InlineData("6 tháng đầu năm 2024", 2024)]
    [InlineData("Quý III", null)]
    [InlineData("12345", null)]
    public void PeriodYear_TakesTheLatestYear(string period, int? expected) =>
        Assert.Equal(expected, TopicService.PeriodYear(period));
}
