using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Search;

namespace Q11Portal.Core.Tests.Search;

/// <summary>Typo tolerance (<see cref="QueryCorrection"/>): each kind of typo, typed with marks and without, is
/// corrected from the index's own words and finds the article meant first; clean queries, rare names and
/// abbreviations are left alone.</summary>
public sealed class TypoToleranceTests(TypoToleranceTests.Fixture fixture) : IClassFixture<TypoToleranceTests.Fixture>
{
    private static readonly DateTime Start = new(2026, 6, 1, 3, 0, 0, DateTimeKind.Utc);

    public sealed class Fixture : IAsyncLifetime
    {
        public SearchTestHost Host { get; private set; } = null!;
        public Dictionary<string, int> Ids { get; } = [];

        public async ValueTask InitializeAsync()
        {
            Host = await SearchTestHost.CreateAsync();
            await using var scope = Host.Scope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var category = new Category { Name = "Tin tức", Slug = "tin-tuc" };
            db.Categories.Add(category);
            (string Key, string Title, string Body)[] stories =
            [
                ("gom", "Quận 6 nạo vét rạch Lò Gốm", "Công nhân nạo vét rạch Lò Gốm, khơi thông dòng chảy trước mùa mưa."),
                ("cuoc", "Cấp căn cước cho trẻ em dưới 14 tuổi", "Công an phường cấp căn cước cho trẻ em ngoài giờ hành chính."),
                ("tuong", "Giải chạy Kết nối tương lai", "Hơn 5.000 vận động viên chạy vì tương lai của thành phố."),
                ("doan", "Đoàn viên hỗ trợ người dân nộp hồ sơ", "Đoàn viên thanh niên hướng dẫn người dân làm hồ sơ trực tuyến."),
                ("mu", "Học sinh không đội mũ bảo hiểm", "Nhiều học sinh đi xe máy điện không đội mũ bảo hiểm."),
                ("nha", "Bàn giao nhà đại đoàn kết", "Huyện bàn giao 20 căn nhà đại đoàn kết cho hộ nghèo."),
                ("nan", "Xử lý điểm đen tai nạn giao thông", "Sở Giao thông khảo sát 5 điểm đen tai nạn giao thông trên quốc lộ."),
                ("kien", "Khống chế ổ dịch ở Phước Kiển", "Xã Phước Kiển phun hóa chất diệt muỗi, khống chế ổ dịch sốt xuất huyết."),
                ("gồm", "Đoàn công tác gồm nhiều cán bộ", "Đoàn gồm cán bộ các phường, gồm cả cán bộ hưu trí."),
                // "mủ" and "năng" are words too: typed in the wrong place they are typos all the same.
                ("mủ", "Nông dân thu hoạch mủ cao su", "Giá mủ cao su tăng, nông dân phấn khởi."),
                ("nang", "Nâng cao năng lực cán bộ trẻ", "Quận mở lớp bồi dưỡng cán bộ trẻ tài năng."),
                // "cuộc" is in more articles than "cước": only the marks typed say which one "cướcc" meant.
                ("cuộc", "Cuộc thi tìm hiểu lịch sử Đảng", "Cuộc thi thu hút nhiều cuộc tranh tài của học sinh."),
                ("cuộc2", "Cuộc vận động toàn dân xây dựng đô thị văn minh", "Cuộc vận động được người dân hưởng ứng."),
            ];
            foreach (var (key, title, body) in stories)
            {
                var article = new Article
                {
                    Title = title, Slug = Slug.From(title), Summary = body, BodyHtml = $"<p>{body}</p>", Category = category,
                    Status = ArticleStatus.Published, PublishedAtUtc = Start.AddDays(-Ids.Count - 1), CreatedAtUtc = Start.AddDays(-30), UpdatedAtUtc = Start.AddDays(-30),
                };
                db.Articles.Add(article);
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
                Ids[key] = article.Id;
            }

            await scope.ServiceProvider.GetRequiredService<ArticleIndexingService>().RebuildAllAsync(null, null, TestContext.Current.CancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            if (Host is not null)
            {
                await Host.DisposeAsync();
            }
        }
    }

    private SearchService Search => fixture.Host.Services.GetRequiredService<SearchService>();

    public static TheoryData<string, string, string, string> Typos => new()
    {
        // kind, typed, corrected, the article meant.
        { "doubled letter", "nạo vét rạch Lò Gốmm", "nạo vét rạch lò gốm", "gom" },
        { "doubled letter, folded", "nao vet rach lo gomm", "nao vet rach lo gom", "gom" },
        { "confused final consonant", "cấp căn cướt", "cấp căn cước", "cuoc" },
        { "confused final consonant, folded", "cap can cuot", "cap can cuoc", "cuoc" },
        { "dropped letter", "kết nối tươg lai", "kết nối tương lai", "tuong" },
        { "dropped letter, folded", "ket noi tuog lai", "ket noi tuong lai", "tuong" },
        { "tone mark on the neighbouring vowel", "đòan viên hỗ trợ", "đoàn viên hỗ trợ", "doan" },
        { "wrong tone mark that makes another word", "đội mủ bảo hiểm", "đội mũ bảo hiểm", "mu" },
        { "wrong tone mark", "đội mữ bảo hiểm", "đội mũ bảo hiểm", "mu" },
        { "confused final consonant and its mark making no word", "điểm đen tai nạng giao thông", "điểm đen tai nạn giao thông", "nan" },
        { "Telex tone letter left", "nhaf đại đoàn kết", "nhà đại đoàn kết", "nha" },
        { "Telex tone letter left, folded", "nhaf dai doan ket", "nha dai doan ket", "nha" },
        { "Telex doubled vowel left", "ddieerm đen tai nạn", "điểm đen tai nạn", "nan" },
        { "VNI digit left", "điểm đen tai nan5 giao thông", "điểm đen tai nạn giao thông", "nan" },
        { "doubled letter, one word", "Gốmm", "gốm", "gom" },
        { "doubled letter, one word, a commoner word under other marks", "cướcc", "cước", "cuoc" },
        { "changed letter, one word, a commoner word under other marks", "cướt", "cước", "cuoc" },
        { "VNI digit left, folded", "diem den tai nan5 giao thong", "diem den tai nan giao thong", "nan" },
    };

    [Theory]
    [MemberData(nameof(Typos))]
    public void Search_Typo_IsCorrectedFromTheIndex_AndFindsTheArticleMeantFirst(string kind, string typed, string corrected, string meant)
    {
        var results = Search.Search(new SearchRequest(typed, Highlight: false));

        Assert.True(results.Correction is not null, kind);
        Assert.Equal(corrected, results.Correction!.Text.ToLowerInvariant());
        Assert.Equal(fixture.Ids[meant], results.Hits[0].Id);
    }

    [Theory]
    [InlineData("nạo vét rạch Lò Gốm")]
    [InlineData("rach lo gom")]
    [InlineData("Phước Kiển")]
    [InlineData("đoàn gồm cán bộ")]
    [InlineData("UBND phường")]
    [InlineData("KL 01")]
    public void Search_CleanQueryRareNameOrAbbreviation_IsNotCorrected(string query) =>
        Assert.Null(Search.Search(new SearchRequest(query, Highlight: false)).Correction);

    [Fact]
    public void Search_TypedWordFoundInAnArticle_RanksThatArticleAboveTheCorrection()
    {
        // "gồm" is in the index: a reader typing it means it, and "gốm" is not offered.
        var results = Search.Search(new SearchRequest("gồm", Highlight: false));

        Assert.Null(results.Correction);
        Assert.Equal(fixture.Ids["gồm"], results.Hits[0].Id);
        Assert.DoesNotContain(results.Hits, h => h.Id == fixture.Ids["gom"]);
    }

    [Theory]
    [InlineData("cước", "cướcc", true)]
    [InlineData("gốm", "gốmm", true)]
    [InlineData("tương", "tươg", true)]
    [InlineData("hẻm", "hẻmm", true)]
    [InlineData("rộng", "rộgn", true)]
    [InlineData("cuộc", "cướcc", false)]
    [InlineData("gồm", "gốmm", false)]
    [InlineData("đờn", "đờn", true)]
    public void WithinOneEdit_ComparesLettersWithTheirMarks(string word, string typed, bool expected) =>
        Assert.Equal(expected, VietnameseSpelling.WithinOneEdit(word, typed));
}
