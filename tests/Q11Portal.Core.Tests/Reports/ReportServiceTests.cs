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

public sealed class ReportServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ReportService Service(PortalDbContext db) =>
        new(db, new AuditLog(db, TimeProvider.System, NullLogger<AuditLog>.Instance), TimeProvider.System, NullLogger<ReportService>.Instance);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Save_FieldsAndFigures_ReplacesRowsInTheGivenOrder(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var topic = new Topic { Title = "Chỉ thị 05", Slug = "chi-thi-05" };
        var article = new Article { Title = "Sơ kết", Slug = "so-ket", Category = new Category { Name = "C", Slug = "c" } };
        db.AddRange(topic, article);
        await db.SaveChangesAsync(Ct);
        var service = Service(db);

        var first = await service.SaveAsync(article.Id, article.Version, true, " Chỉ thị 05-CT/TW ", "Quận ủy Quận 11", "Năm 2024", topic.Id,
            [new("Tập thể được khen thưởng", 70, "tập thể"), new("Cá nhân", 152, "người")], "editor", Ct);
        Assert.Equal(Result.Ok, first);
        var afterFirst = await service.GetAsync(article.Id, Ct);

        var second = await service.SaveAsync(article.Id, afterFirst!.Version, true, "Chỉ thị 05-CT/TW", "Quận ủy Quận 11", "Năm 2024", topic.Id,
            [new("Cá nhân", 160, "người"), new("Mô hình", 9, null)], "editor", Ct);
        Assert.Equal(Result.Ok, second);

        var saved = await service.GetAsync(article.Id, Ct);
        Assert.True(saved!.IsReport);
        Assert.Equal("Chỉ thị 05-CT/TW", saved.ReviewedDocument);
        Assert.Equal(topic.Id, saved.TopicId);
        Assert.Equal([new FigureInput("Cá nhân", 160, "người"), new FigureInput("Mô hình", 9, null)], saved.Figures);
        Assert.Equal(2, await db.ReportFigures.CountAsync(Ct));
    }

    [Fact]
    public async Task Save_WithAStaleVersion_IsRefusedAndNothingChanges()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var article = new Article { Title = "Sơ kết", Slug = "so-ket", Category = new Category { Name = "C", Slug = "c" } };
        db.Add(article);
        await db.SaveChangesAsync(Ct);
        var staleVersion = article.Version;
        var service = Service(db);
        Assert.Equal(Result.Ok, await service.SaveAsync(article.Id, staleVersion, true, null, null, "2024", null, [new("A", 1, null)], "a", Ct));

        var stale = await service.SaveAsync(article.Id, staleVersion, true, null, null, "2025", null, [new("B", 2, null)], "b", Ct);

        Assert.Equal(Outcome.Conflict, stale.Outcome);
        Assert.Contains("vừa được người khác lưu", stale.Message);
        Assert.Equal("2024", (await service.GetAsync(article.Id, Ct))!.ReportPeriod);
    }

    [Theory]
    [InlineData("", "cần có tên chỉ tiêu")]
    [InlineData("Cá nhân|Cá  nhân", "được nhập hai lần")]
    public async Task Save_BadFigureRows_AreRefused(string labels, string expected)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var article = new Article { Title = "Sơ kết", Slug = "so-ket", Category = new Category { Name = "C", Slug = "c" } };
        db.Add(article);
        await db.SaveChangesAsync(Ct);

        var refused = await Service(db).SaveAsync(article.Id, article.Version, true, null, null, null, null,
            labels.Split('|').Select(l => new FigureInput(l, 1, "người")).ToList(), "editor", Ct);

        Assert.Equal(Outcome.Invalid, refused.Outcome);
        Assert.Contains(expected, refused.Message);
    }

    [Theory]
    [InlineData("70", 70)]
    [InlineData("1.234", 1234)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("12,5", 12.5)]
    [InlineData("12.5", 12.5)]
    [InlineData("0.125", 0.125)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData(" 2 500 ", 2500)]
    [InlineData("-3", -3)]
    public void FigureValue_TryParse_ReadsVietnameseNumbers(string text, double expected)
    {
        Assert.True(FigureValue.TryParse(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("7O")]
    public void FigureValue_TryParse_RefusesNonNumbers(string text) => Assert.False(FigureValue.TryParse(text, out _));

    [Theory]
    [InlineData(1234.5, "1.234,5")]
    [InlineData(70, "70")]
    [InlineData(1204000, "1.204.000")]
    public void FigureValue_Format_UsesVietnameseSeparators(double value, string expected) =>
        Assert.Equal(expected, FigureValue.Format((decimal)value));
}
