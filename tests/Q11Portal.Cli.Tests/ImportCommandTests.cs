using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;
using Q11Portal.Testing;

namespace Q11Portal.Cli.Tests;

public sealed class ImportCommandTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_CorpusTwice_KeepsOneArticlePerSourceId(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var file = CorpusFiles.Articles;
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(file, Ct))!.AsArray().Count;

        var first = await CliRun.RunAsync(database, "import", file);
        var second = await CliRun.RunAsync(database, "import", file);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains($"{expected} added, 0 updated", first.Output);
        Assert.Contains($"0 added, 0 updated, {expected} unchanged", second.Output);
        Assert.Contains($"{expected}/{expected} articles", first.Output);

        await using var db = database.CreateContext();
        Assert.Equal(expected, await db.Articles.CountAsync(Ct));
        Assert.Equal(expected, await db.Articles.Select(a => a.SourceId).Distinct().CountAsync(Ct));
        Assert.Equal(expected, await db.Articles.Select(a => a.Slug).Distinct().CountAsync(Ct));
        Assert.All(await db.Articles.ToListAsync(Ct), a =>
        {
            Assert.Equal(ArticleStatus.Published, a.Status);
            Assert.StartsWith("<p>", a.BodyHtml);
            Assert.NotNull(a.Byline);
        });
        Assert.Equal(expected, await db.ContentChanges.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_Record_MapsFieldsCategoriesTagsAndUtcTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var run = await CliRun.RunAsync(database, "import", CorpusFiles.Small);

        Assert.True(run.ExitCode == 0, run.ToString());
        await using var db = database.CreateContext();
        var article = await db.Articles.Include(a => a.Category).Include(a => a.Tags).SingleAsync(a => a.SourceId == "t002", Ct);
        Assert.Equal("Quận 11 tiêm vắc xin sởi cho trẻ từ 1 đến 5 tuổi", article.Title);
        Assert.Equal("quan-11-tiem-vac-xin-soi-cho-tre-tu-1-den-5-tuoi", article.Slug);
        Assert.Equal("y-te-suc-khoe", article.Category.Slug);
        Assert.Equal("Trung tâm Y tế Quận 11", article.Byline);
        // 00:30 on 2 September in Ho Chi Minh City is 17:30 UTC the day before.
        Assert.Equal(new DateTime(2024, 9, 1, 17, 30, 0, DateTimeKind.Utc), article.PublishedAtUtc);
        Assert.Equal("<p>Trung tâm Y tế quận cho biết đã chuẩn bị đủ vắc xin cho hơn 9.000 trẻ.</p><p>Phụ huynh mang theo sổ tiêm chủng khi đưa trẻ đến trạm.</p>", article.BodyHtml);
        Assert.Equal(["soi", "tiem-chung"], article.Tags.Select(t => t.Slug).Order());

        // "chuyển đổi số" and "Chuyển đổi số" are the same keyword.
        var youth = await db.Articles.Include(a => a.Tags).SingleAsync(a => a.SourceId == "t003", Ct);
        Assert.Equal(["chuyen-doi-so", "thanh-nien-tinh-nguyen"], youth.Tags.Select(t => t.Slug).Order());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_ChangedRecord_UpdatesInPlaceAndKeepsOldSlugForRedirect(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var articles = JsonNode.Parse(await File.ReadAllTextAsync(CorpusFiles.Small, Ct))!.AsArray();
        var file = CorpusFiles.Write(database, articles.ToJsonString());
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", file)).ExitCode);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(3, await db.ContentChanges.CountAsync(Ct));
        }

        articles[0]!["title"] = "Phường 5 nhân rộng mô hình hẻm xanh";
        articles[0]!["tags"] = new JsonArray("đường hẻm", "môi trường");
        File.WriteAllText(file, articles.ToJsonString());
        var run = await CliRun.RunAsync(database, "import", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("0 added, 1 updated, 2 unchanged", run.Output);
        await using var check = database.CreateContext();
        Assert.Equal(3, await check.Articles.CountAsync(Ct));
        var article = await check.Articles.Include(a => a.Tags).SingleAsync(a => a.SourceId == "t001", Ct);
        Assert.Equal("phuong-5-nhan-rong-mo-hinh-hem-xanh", article.Slug);
        Assert.Equal(["duong-hem", "moi-truong"], article.Tags.Select(t => t.Slug).Order());
        Assert.True(await check.ArticleSlugHistory.AnyAsync(h => h.ArticleId == article.Id && h.Slug == "phuong-5-ra-mat-to-tu-quan-duong-hem-xanh-sach-an-toan", Ct));
        Assert.Equal(4, await check.ContentChanges.CountAsync(Ct));
        Assert.Equal(1, await check.ContentChanges.CountAsync(c => c.EntityId == article.Id && c.Id > 3, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_SameTitleTwice_GetsDistinctSlugs(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var json = $"[{Record("a1", "Họp báo quý III")},{Record("a2", "Họp báo quý III")}]";

        var run = await CliRun.RunAsync(database, "import", CorpusFiles.Write(database, json));

        Assert.True(run.ExitCode == 0, run.ToString());
        await using var db = database.CreateContext();
        Assert.Equal(["hop-bao-quy-iii", "hop-bao-quy-iii-2"], (await db.Articles.Select(a => a.Slug).ToListAsync(Ct)).Order());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_HostileContentHtml_IsSanitized(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        const string hostile = "<p onclick=\"steal()\">Đoạn <b>đầu</b></p><script>alert(1)</script>" +
            "<img src=\"javascript:alert(2)\" onerror=\"alert(3)\"><a href=\"javascript:alert(4)\">x</a>" +
            "<iframe src=\"https://evil.example/x\"></iframe><figure><img src=\"/media/a.jpg\" alt=\"Ảnh\"><figcaption>Chú thích</figcaption></figure>";
        var record = JsonNode.Parse(Record("h1", "Bài có HTML độc hại"))!;
        record["contentHtml"] = hostile;

        var run = await CliRun.RunAsync(database, "import", CorpusFiles.Write(database, $"[{record.ToJsonString()}]"));

        Assert.True(run.ExitCode == 0, run.ToString());
        await using var db = database.CreateContext();
        var body = (await db.Articles.SingleAsync(Ct)).BodyHtml;
        Assert.DoesNotContain("script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil.example", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<p>Đoạn <b>đầu</b></p>", body);
        Assert.Contains("<figcaption>Chú thích</figcaption>", body);
        // The same singleton policy as every other path: importing is exactly the portal's sanitizer.
        Assert.Equal(new ArticleHtmlSanitizer().Sanitize(hostile, TestContext.Current.CancellationToken), body);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_NfdText_IsStoredNfc(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var title = "Đảng bộ phường 7 tổng kết công tác năm".Normalize(NormalizationForm.FormD);
        var record = JsonNode.Parse(Record("n1", title))!;
        record["summary"] = "Hội nghị diễn ra sáng thứ Hai.".Normalize(NormalizationForm.FormD);
        record["category"] = "Hoạt động Đảng - Đoàn thể".Normalize(NormalizationForm.FormD);
        record["tags"] = new JsonArray("xây dựng Đảng".Normalize(NormalizationForm.FormD));
        record["content"] = "Nội dung thứ nhất.\n\nNội dung thứ hai.".Normalize(NormalizationForm.FormD);
        Assert.NotEqual(title, title.Normalize(NormalizationForm.FormC));

        var run = await CliRun.RunAsync(database, "import", CorpusFiles.Write(database, $"[{record.ToJsonString()}]"));

        Assert.True(run.ExitCode == 0, run.ToString());
        await using var db = database.CreateContext();
        var article = await db.Articles.Include(a => a.Category).Include(a => a.Tags).SingleAsync(Ct);
        Assert.Equal("Đảng bộ phường 7 tổng kết công tác năm", article.Title);
        Assert.Equal("dang-bo-phuong-7-tong-ket-cong-tac-nam", article.Slug);
        Assert.Equal("Hội nghị diễn ra sáng thứ Hai.", article.Summary);
        Assert.Equal("<p>Nội dung thứ nhất.</p><p>Nội dung thứ hai.</p>", article.BodyHtml);
        Assert.Equal("Hoạt động Đảng - Đoàn thể", article.Category.Name);
        Assert.Equal("xây dựng Đảng", Assert.Single(article.Tags).Name);
        Assert.True(article.BodyHtml.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public async Task Import_ExternalImagesAndEmbeds_ReportListsWhatEachArticleLost()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var external = JsonNode.Parse(Record("ngoai-1", "Bài có ảnh ngoài"))!;
        external["contentHtml"] = "<p>Hội nghị sơ kết.</p><img src=\"https://tracker.example/pixel.gif\" alt=\"\">" +
            "<iframe src=\"https://www.youtube.com/watch?v=abc\"></iframe><details><summary>Mở</summary><p>Danh sách</p></details>";
        var clean = JsonNode.Parse(Record("sach-2", "Bài sạch"))!;
        clean["contentHtml"] = "<p>Chỉ có chữ.</p><img src=\"/media/2026/12/anh.webp\" alt=\"Ảnh\">";

        var run = await CliRun.RunAsync(database, "import", CorpusFiles.Write(database, $"[{external.ToJsonString()},{clean.ToJsonString()}]"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("1 articles lost something", run.Output);
        var line = Assert.Single(run.Output.Split('\n'), l => l.Contains("Bản ghi 1 (id \"ngoai-1\"", StringComparison.Ordinal));
        Assert.Contains("ảnh lấy từ trang khác", line);
        Assert.Contains("<iframe>", line);
        Assert.Contains("<details>", line);
        Assert.DoesNotContain("sach-2", run.Output);
        await using var db = database.CreateContext();
        var body = (await db.Articles.SingleAsync(a => a.Title == "Bài có ảnh ngoài", Ct)).BodyHtml;
        Assert.DoesNotContain("tracker.example", body);
        Assert.Contains("Danh sách", body);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "[{\"id\": \"x1\", \"title\": ", "không phải JSON hợp lệ" },
        { "{\"id\": \"x1\"}", "phải là một mảng JSON" },
        { $"[{Record("x1", "Tốt")}, {Without(Record("x2", "Thiếu tiêu đề"), "title")}]", "Bản ghi 2 (id \"x2\"), trường \"title\": thiếu trường bắt buộc" },
        { $"[{Without(Record("x1", "Không có id"), "id")}]", "Bản ghi 1, trường \"id\": thiếu trường bắt buộc" },
        { $"[{With(Record("x1", "Ngày sai"), "publishedAt", "2023-02-30T08:00:00+07:00")}]", "Bản ghi 1 (id \"x1\"), trường \"publishedAt\": \"2023-02-30T08:00:00+07:00\" không phải ngày giờ hợp lệ" },
        { $"[{With(Record("x1", "Không múi giờ"), "publishedAt", "2023-02-03T08:00:00")}]", "thiếu múi giờ" },
        { $"[{Record("x1", "Một")}, {Record("x1", "Hai")}]", "Bản ghi 2 (id \"x1\"), trường \"id\": trùng với bản ghi 1" },
        { $"[{With(Record("x1", "Chỉ có script"), "content", null)}]".Replace("\"content\":null", "\"contentHtml\":\"<script>x()</script>\"", StringComparison.Ordinal), "nội dung trống sau khi lọc" },
        { $"[{Without(Record("x1", "Không nội dung"), "content")}]", "trường \"content\": thiếu nội dung" },
        { "[{\"id\": 5, \"title\": \"Số\", \"category\": \"Đô thị\", \"content\": \"a\", \"publishedAt\": \"2024-01-01T00:00:00+07:00\"}]", "trường \"id\": phải là chuỗi, nhưng là một số" },
        { $"[{With(Record("x1", "Tiêu đề dài"), "title", new string('a', 301))}]", "dài 301 ký tự, tối đa 300" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Import_BadFile_ExitsNonZeroWithMessageAndWritesNothing(string json, string expectedMessage)
    {
        await using var database = await TestDatabase.CreateAsync();

        var run = await CliRun.RunAsync(database, "import", CorpusFiles.Write(database, json));

        Assert.True(run.ExitCode == CliRunner.BadInput, run.ToString());
        Assert.Contains(expectedMessage, run.Error);
        Assert.Contains("không có gì được ghi", run.Error);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Articles.CountAsync(Ct));
        Assert.Equal(0, await db.Categories.CountAsync(Ct));
        Assert.Equal(0, await db.Tags.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_MissingFile_ExitsNonZeroNamingTheFile()
    {
        await using var database = await TestDatabase.CreateAsync();
        var missing = Path.Combine(database.DataDirectory, "khong-co.json");

        var run = await CliRun.RunAsync(database, "import", missing);

        Assert.Equal(CliRunner.BadInput, run.ExitCode);
        Assert.Contains($"file not found: {missing}", run.Error);
    }

    [Fact]
    public async Task Import_NoFileArgument_ExitsNonZeroWithUsage()
    {
        var run = await CliRun.RunAsync("import");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Required argument missing", run.Error);
    }

    [Fact]
    public async Task Import_ValidateOnly_ChecksWithoutWriting()
    {
        await using var database = await TestDatabase.CreateAsync();

        var run = await CliRun.RunAsync(database, "import", CorpusFiles.Small, "--validate-only");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("3 articles, valid", run.Output);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Articles.CountAsync(Ct));
    }

    private static string Record(string id, string title) => JsonSerializer.Serialize(new
    {
        id,
        title,
        summary = "Tóm tắt ngắn.",
        content = "Đoạn một.\n\nĐoạn hai.",
        category = "Chính quyền",
        tags = new[] { "cải cách hành chính" },
        publishedAt = "2024-05-01T08:00:00+07:00",
        author = "Phóng viên",
        topic = "cai-cach-hanh-chinh",
        secondaryTopic = (string?)null,
    });

    private static string Without(string json, string field)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove(field);
        return node.ToJsonString();
    }

    private static string With(string json, string field, string? value)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node[field] = value;
        return node.ToJsonString();
    }
}
