using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Search;
using Q11Portal.Core.Tests.Search;

namespace Q11Portal.Core.Tests.Documents;

/// <summary>A reference in any written form finds the articles on that document first; an article on a document with
/// the same number but another kind or issuer ranks lower and is still found.</summary>
public sealed class DocumentReferenceSearchTests
{
    private static readonly DateTime Start = new(2026, 6, 1, 3, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("Chỉ thị 05")]
    [InlineData("chi thi 05")]
    [InlineData("Chỉ thị số 05")]
    [InlineData("chi thi so 05")]
    [InlineData("CT 05")]
    [InlineData("ct 05")]
    [InlineData("05-CT/TW")]
    [InlineData("05/CT-TW")]
    [InlineData("05/ct-tw")]
    [InlineData("Chỉ thị số 05-CT/TW")]
    [InlineData("chi thi 05/ct-tw")]
    [InlineData("ct 05 học tập")]
    [InlineData("CT 05 TW")]
    [InlineData("CT 05/TW")]
    [InlineData("05-CT-TW")]
    [InlineData("chỉ thị số 05 TW")]
    public async Task Search_DirectiveInAnyForm_RanksItFirst_OtherKindAndIssuerBelowButFound(string query)
    {
        await using var host = await SearchTestHost.CreateAsync();
        var ids = await AddAsync(host,
            // Newest first and full of the query's words: without the reference as one unit they would come first.
            ("Phường 5 triển khai Chỉ thị số 05/CT-UBND", "Chỉ thị 05 của phường về lòng đường; chỉ thị số 05 giao các tổ học tập, kiểm tra.", Start.AddDays(-1)),
            ("Nghị quyết 05-NQ/TW về học tập", "Chi bộ học tập Nghị quyết số 05-NQ/TW, chỉ thị của cấp trên và các văn bản số 05.", Start.AddDays(-2)),
            ("Đảng bộ phường 7 sơ kết học tập và làm theo Bác", "Đảng bộ phường sơ kết thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị.", Start.AddDays(-5)),
            ("Lễ hội đường sách", "Đường sách mở cửa dịp cuối tuần.", Start.AddDays(-3)));
        var (ward, resolution, directive, unrelated) = (ids[0], ids[1], ids[2], ids[3]);

        var hits = host.Services.GetRequiredService<SearchService>().Search(new SearchRequest(query)).Hits.Select(h => h.Id).ToList();

        Assert.Equal(directive, hits[0]);
        Assert.Contains(ward, hits);
        Assert.DoesNotContain(unrelated, hits);
        if (hits.Contains(resolution))
        {
            Assert.True(hits.IndexOf(resolution) > 0);
        }
    }

    [Theory]
    [InlineData("chỉ thị 05 UBND")]
    [InlineData("chi thi so 05 ubnd")]
    [InlineData("CT 05/UBND")]
    public async Task Search_DirectiveWithTheIssuerAsAWord_RanksThatIssuersFirst_TheOtherBelowButFound(string query)
    {
        var (ids, hits) = await SearchAsync(query,
            ("Đảng bộ phường 7 sơ kết học tập và làm theo Bác", "Đảng bộ phường sơ kết thực hiện Chỉ thị 05-CT/TW, chỉ thị số 05 của Bộ Chính trị.", Start.AddDays(-1)),
            ("Phường 5 triển khai Chỉ thị số 05/CT-UBND", "Phường ra quân lập lại trật tự lòng đường.", Start.AddDays(-5)));

        Assert.Equal([ids[1], ids[0]], hits);
    }

    [Theory]
    [InlineData("NĐ 100/2019")]
    [InlineData("Nghị định 100/2019")]
    [InlineData("nghi dinh so 100")]
    [InlineData("ND 100")]
    [InlineData("100/2019/NĐ-CP")]
    public async Task Search_DecreeByNumberAndYear_RanksItAboveAnotherKindWithTheSameNumber(string query)
    {
        var (ids, hits) = await SearchAsync(query,
            ("Thông tư 100/2019/TT-BTC về phí", "Bộ Tài chính hướng dẫn thu phí từ năm 2019, nghị định thu 100 nghìn đồng mỗi lần.", Start.AddDays(-1)),
            ("Xử phạt nồng độ cồn theo Nghị định 100/2019/NĐ-CP", "Lực lượng chức năng lập biên bản các trường hợp vi phạm.", Start.AddDays(-6)));

        Assert.Equal(ids[1], hits[0]);
        if (hits.Contains(ids[0]))
        {
            Assert.Equal(1, hits.IndexOf(ids[0]));
        }
    }

    [Theory]
    [InlineData("Đề án 06")]
    [InlineData("đề án số 06")]
    [InlineData("de an so 06")]
    [InlineData("ĐA 06")]
    public async Task Search_ProgrammeByKindAndNumber_RanksItAboveAPlanWithTheSameNumber(string query)
    {
        var (ids, hits) = await SearchAsync(query,
            ("Kế hoạch số 06/KH-UBND chỉnh trang đô thị", "Phường ban hành kế hoạch 06 kèm đề án chỉnh trang vỉa hè, đề án số hóa.", Start.AddDays(-1)),
            ("Công an phường làm sạch dữ liệu dân cư", "Đây là bước quan trọng trong triển khai Đề án 06 của Chính phủ.", Start.AddDays(-6)));

        Assert.Equal([ids[1], ids[0]], hits);
    }

    [Theory]
    [InlineData("Kết luận số 01-KL/TW")]
    [InlineData("ket luan 01")]
    [InlineData("KL 01")]
    [InlineData("01/KL-TW")]
    public async Task Search_ConclusionWrittenWithoutItsSymbol_FindsTheArticleThatSpellsIt(string query)
    {
        var (ids, hits) = await SearchAsync(query,
            ("Sơ kết thực hiện 01-KL/TW", "Quận ủy sơ kết ba năm thực hiện văn bản của Bộ Chính trị.", Start.AddDays(-4)),
            ("Quyết định số 01-QĐ/QU về nhân sự", "Quận ủy ban hành quyết định 01 kết luận việc kiểm tra.", Start.AddDays(-1)));

        Assert.Equal(ids[0], hits[0]);
    }

    [Fact]
    public async Task Search_ReferenceWithIssuer_DemotesTheSameKindFromAnotherIssuer()
    {
        await using var host = await SearchTestHost.CreateAsync();
        var ids = await AddAsync(host,
            ("Phường triển khai Quyết định 500/QĐ-UBND", "Quyết định 500 của phường về chỉnh trang đô thị, quyết định số 500.", Start.AddDays(-1)),
            ("Sơ kết Quyết định số 500-QĐ/QU", "Sơ kết thực hiện tiêu chí làm theo Bác.", Start.AddDays(-6)));

        var hits = host.Services.GetRequiredService<SearchService>().Search(new SearchRequest("quyet dinh 500/qd-qu")).Hits.Select(h => h.Id).ToList();

        Assert.Equal([ids[1], ids[0]], hits);
    }

    /// <summary>The ids of <paramref name="stories"/> added to a fresh index, and the ids <paramref name="query"/> finds, in order.</summary>
    private static async Task<(List<int> Ids, List<int> Hits)> SearchAsync(string query, params (string Title, string Summary, DateTime PublishedAtUtc)[] stories)
    {
        await using var host = await SearchTestHost.CreateAsync();
        var ids = await AddAsync(host, stories);
        return (ids, host.Services.GetRequiredService<SearchService>().Search(new SearchRequest(query)).Hits.Select(h => h.Id).ToList());
    }

    private static Task<List<int>> AddAsync(SearchTestHost host, params (string Title, string Summary, DateTime PublishedAtUtc)[] stories) =>
        SearchQueryTests.AddAsync(host, stories);
}
