using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Search;

namespace Q11Portal.Core.Tests.Search;

/// <summary>How a reader's words become a query: scheduled articles stay out until their time, an exact word leaves
/// out other words with the same letters while a wrong tone mark still finds the word meant, and a conflicting document
/// number ranks below the one meant.</summary>
public sealed class SearchQueryTests
{
    private static readonly DateTime Start = new(2026, 6, 1, 3, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScheduledArticle_IsFoundFromItsPublishTimeOnly()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Start));
        await using var host = await SearchTestHost.CreateAsync(clock: clock);
        await AddAsync(host, ("Khánh thành công viên bờ kè rạch Lò Gốm", "Công viên mới dọc rạch Lò Gốm mở cửa đón người dân.", Start.AddDays(-1)));
        var scheduled = await AddAsync(host, ("Khánh thành nhà văn hóa khu phố 5", "Nhà văn hóa khu phố 5 sẽ mở cửa vào cuối tuần.", Start.AddHours(2)));
        var search = host.Services.GetRequiredService<SearchService>();

        var before = search.Search(new SearchRequest("khánh thành"));
        clock.Advance(TimeSpan.FromHours(2));
        var after = search.Search(new SearchRequest("khánh thành"));

        Assert.Equal(1, before.TotalHits);
        Assert.DoesNotContain(before.Hits, h => h.Id == scheduled[0]);
        Assert.Equal(2, after.TotalHits);
        Assert.Contains(after.Hits, h => h.Id == scheduled[0]);
    }

    [Fact]
    public async Task ExactWord_LeavesOutOtherWordsWithItsLetters_WhileAWrongMarkStillFindsTheWordMeant()
    {
        await using var host = await SearchTestHost.CreateAsync();
        var ids = await AddAsync(host,
            ("Đại hội Chi bộ khu phố 2 nhiệm kỳ mới", "Đại hội bầu cấp ủy và thông qua nghị quyết.", Start.AddDays(-3)),
            ("Hỏi đáp về thủ tục cấp căn cước", "Người dân hỏi, cán bộ phường trả lời về hồ sơ căn cước.", Start.AddDays(-2)));
        var (congress, questions) = (ids[0], ids[1]);
        var search = host.Services.GetRequiredService<SearchService>();

        var exact = search.Search(new SearchRequest("hội")).Hits.Select(h => h.Id).ToList();
        var unaccented = search.Search(new SearchRequest("hoi")).Hits.Select(h => h.Id).ToList();
        var wrongMark = search.Search(new SearchRequest("đại hôi")).Hits.Select(h => h.Id).ToList();

        Assert.Equal([congress], exact);
        Assert.Equal([congress, questions], unaccented.Order());
        Assert.Equal(congress, wrongMark[0]);
    }

    [Fact]
    public async Task ConflictingDocumentNumber_RanksBelowTheDirectiveMeant_AndIsStillFound()
    {
        await using var host = await SearchTestHost.CreateAsync();
        var ids = await AddAsync(host,
            ("Phường 5 triển khai Chỉ thị 05/CT-UBND về lòng đường", "Chỉ thị 05 của phường về trật tự lòng đường, vỉa hè.", Start.AddDays(-1)),
            ("Đảng bộ phường 7 sơ kết học tập và làm theo Bác", "Đảng bộ phường sơ kết 05-CT/TW về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.", Start.AddDays(-5)));
        var (ward, directive) = (ids[0], ids[1]);
        var search = host.Services.GetRequiredService<SearchService>();

        var hits = search.Search(new SearchRequest("Chỉ thị 05")).Hits.Select(h => h.Id).ToList();

        Assert.Equal([directive, ward], hits);
    }

    [Fact]
    public async Task SyllableThatIsAWordByItself_WeighsAsAWord_AboveASyllableOfAnotherWord()
    {
        await using var host = await SearchTestHost.CreateAsync();
        var ids = await AddAsync(host,
            ("Người dân hiến đất mở rộng hẻm 45", "Mười hộ dân hiến đất mở rộng hẻm 45 thêm hai mét.", Start.AddDays(-9)),
            ("Lắp đèn chiếu sáng hẻm 12", "Phường lắp đèn chiếu sáng cho hẻm 12 trước Tết.", Start.AddDays(-8)),
            ("Đại hội Chi bộ khu phố 7", "Nhiệm kỳ qua, người dân góp tiền nâng cấp ba tuyến hẻm trong khu phố.", Start.AddDays(-7)),
            ("Tuyên dương đoàn viên tiêu biểu", "Đoàn viên trẻ cống hiến sức mình cho phong trào của khu phố.", Start.AddDays(-6)));
        var (donation, congress, youth) = (ids[0], ids[2], ids[3]);
        var search = host.Services.GetRequiredService<SearchService>();

        // "hẻm" is a word of the query by itself; "hiến" is half of "hiến đất", and the youth story has it from "cống
        // hiến". Weighed as syllables alone, the rarer "hiến" would rank the youth story above the congress.
        var hits = search.Search(new SearchRequest("hiến đất mở rộng hẻm")).Hits.Select(h => h.Id).ToList();

        Assert.Equal(donation, hits[0]);
        Assert.True(hits.IndexOf(congress) < hits.IndexOf(youth), $"congress at {hits.IndexOf(congress)}, youth at {hits.IndexOf(youth)}");
    }

    [Fact]
    public async Task TonePlacement_OldAndNewStyle_FindEachOtherWithEqualScores()
    {
        await using var host = await SearchTestHost.CreateAsync();
        var ids = await AddAsync(host,
            ("Giữ vững hoà bình ở khu phố 1", "Khu phố bàn cách giữ vững hoà bình, chăm lo sức khoẻ người dân.", Start.AddDays(-3)),
            ("Giữ vững hòa bình ở khu phố 2", "Khu phố bàn cách giữ vững hòa bình, chăm lo sức khỏe người dân.", Start.AddDays(-2)),
            ("Trồng hoa ven kênh", "Người dân trồng hoa dọc bờ kênh.", Start.AddDays(-1)));
        var (newStyle, oldStyle) = (ids[0], ids[1]);
        var search = host.Services.GetRequiredService<SearchService>();

        foreach (var query in new[] { "hòa bình", "hoà bình", "hòa", "hoà", "khoẻ", "khỏe" })
        {
            var hits = search.Search(new SearchRequest(query)).Hits;

            // The exact form finds both spellings, and only them (not "hoa"), with the same score.
            Assert.Equal([newStyle, oldStyle], hits.Select(h => h.Id).Order());
            Assert.Equal(hits[0].Score, hits[1].Score);
        }

        Assert.Equal(search.Search(new SearchRequest("hòa bình")).Hits[0].Score, search.Search(new SearchRequest("hoà bình")).Hits[0].Score);
    }

    /// <summary>Adds published articles (one category) and indexes them one by one, as the newsroom does.</summary>
    internal static async Task<List<int>> AddAsync(SearchTestHost host, params (string Title, string Summary, DateTime PublishedAtUtc)[] stories)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var category = db.Categories.FirstOrDefault();
        if (category is null)
        {
            category = new Category { Name = "Tin tức", Slug = "tin-tuc" };
            db.Categories.Add(category);
            await db.SaveChangesAsync(Ct);
        }

        var ids = new List<int>();
        foreach (var (title, summary, publishedAtUtc) in stories)
        {
            var article = new Article
            {
                Title = title, Slug = Slug.From(title), Summary = summary, BodyHtml = $"<p>{summary}</p>", CategoryId = category.Id,
                Status = ArticleStatus.Published, PublishedAtUtc = publishedAtUtc, CreatedAtUtc = Start.AddDays(-10), UpdatedAtUtc = Start.AddDays(-10),
            };
            db.Articles.Add(article);
            await db.SaveChangesAsync(Ct);
            await scope.ServiceProvider.GetRequiredService<ArticleIndexingService>().ArticleChangedAsync(article.Id, Ct);
            ids.Add(article.Id);
        }

        return ids;
    }
}
