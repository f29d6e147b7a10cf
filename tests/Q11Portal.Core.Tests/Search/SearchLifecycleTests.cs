using Lucene.Net.Index;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Search;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Search;

/// <summary>The index and the stored related lists follow publish, edit, unpublish and delete, on this node at once and
/// on another node sharing the database through the ContentChanges log; a damaged or outdated index is rebuilt.</summary>
public sealed class SearchLifecycleTests
{
    private static readonly (string Title, string Summary, string Body, string Category)[] Stories =
    [
        ("Ra quân kiểm tra nồng độ cồn dịp cuối năm", "Tổ công tác lập chốt kiểm tra nồng độ cồn người điều khiển xe máy.", "Lực lượng cảnh sát giao thông kiểm tra nồng độ cồn, nhắc nhở người tham gia giao thông đội mũ bảo hiểm.", "Quốc phòng - An ninh"),
        ("Học sinh được tặng mũ bảo hiểm đạt chuẩn", "Hơn 500 mũ bảo hiểm được trao cho học sinh tiểu học trước năm học mới.", "Chương trình nhằm nâng cao ý thức an toàn giao thông, đội mũ bảo hiểm đúng cách khi ngồi sau xe máy.", "Chính quyền"),
        ("Xử lý điểm đen tai nạn giao thông trên quốc lộ", "Huyện kiến nghị lắp đèn tín hiệu tại các giao lộ thường xảy ra tai nạn giao thông.", "Năm điểm đen về tai nạn giao thông được khảo sát; người tham gia giao thông cần giảm tốc độ.", "Đô thị"),
        ("Phun thuốc diệt muỗi phòng sốt xuất huyết", "Trạm y tế phường ra quân diệt lăng quăng, phòng chống sốt xuất huyết.", "Số ca mắc sốt xuất huyết tăng; trạm y tế hướng dẫn người dân diệt muỗi và lăng quăng.", "Y tế"),
        ("Tiêm chủng mở rộng cho trẻ dưới một tuổi", "Tỷ lệ tiêm chủng đạt 97%, trạm y tế mở thêm buổi tiêm.", "Các trạm y tế tổ chức tiêm chủng vắc xin cho trẻ; phụ huynh mang theo sổ tiêm chủng.", "Y tế"),
        ("Kiểm tra an toàn thực phẩm bếp ăn trường học", "Đoàn kiểm tra an toàn thực phẩm làm việc tại 12 bếp ăn tập thể.", "Y tế quận nhắc các bếp ăn bảo đảm an toàn thực phẩm, phòng ngộ độc thực phẩm.", "Y tế"),
        ("Kết nạp đảng viên mới tại chi bộ khu phố", "Chi bộ khu phố 3 kết nạp hai đảng viên mới là quần chúng ưu tú.", "Lễ kết nạp đảng viên diễn ra trang trọng; chi bộ giao nhiệm vụ cho đảng viên mới.", "Xây dựng Đảng"),
        ("Đại hội chi bộ nhiệm kỳ 2025-2027", "Đại hội chi bộ bầu cấp ủy nhiệm kỳ mới.", "Đại hội thảo luận công tác xây dựng đảng, kiểm tra giám sát và phát triển đảng viên.", "Xây dựng Đảng"),
    ];

    private static readonly DateTime Now = DateTime.UtcNow;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Publish_IndexesTheArticle_StoresItsList_AndJoinsOlderLists(DatabaseProvider provider)
    {
        await using var host = await SearchTestHost.CreateAsync(provider);
        var ids = await SeedAsync(host);
        var drinkDriving = ids[0];

        var added = await PublishAsync(host, "Xử phạt vi phạm nồng độ cồn theo Nghị định 168/2024/NĐ-CP",
            "Công an phường xử phạt người điều khiển xe máy vi phạm nồng độ cồn.",
            "Người vi phạm nồng độ cồn bị phạt; cảnh sát giao thông tuyên truyền an toàn giao thông và mũ bảo hiểm.", "Quốc phòng - An ninh");

        var search = host.Services.GetRequiredService<SearchService>();
        Assert.Equal(added, search.Search(new SearchRequest("xu phat nong do con")).Hits[0].Id);

        await using var scope = host.Scope();
        var related = scope.ServiceProvider.GetRequiredService<RelatedArticleService>();
        var list = (await related.GetAsync(added, 6, Ct)).Select(r => r.Id).ToList();
        Assert.Equal(ids[..3].Order(), list.Take(3).Order());
        Assert.Contains(added, (await related.GetAsync(drinkDriving, 6, Ct)).Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UnpublishAndDelete_LeaveTheIndexAndEveryListAtOnce(DatabaseProvider provider)
    {
        await using var host = await SearchTestHost.CreateAsync(provider);
        var ids = await SeedAsync(host);
        var (unpublished, deleted) = (ids[1], ids[2]);
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.True(await db.RelatedArticles.AnyAsync(r => r.RelatedArticleId == unpublished || r.RelatedArticleId == deleted, Ct));
            await db.Articles.Where(a => a.Id == unpublished).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ArticleStatus.Unpublished), Ct);
            await db.RelatedArticles.Where(r => r.ArticleId == deleted || r.RelatedArticleId == deleted).ExecuteDeleteAsync(Ct);
            await db.Articles.Where(a => a.Id == deleted).ExecuteDeleteAsync(Ct);
            db.ContentChanges.AddRange(
                new ContentChange { EntityId = unpublished, Kind = ContentChangeKind.Removed, AtUtc = Now },
                new ContentChange { EntityId = deleted, Kind = ContentChangeKind.Removed, AtUtc = Now });
            await db.SaveChangesAsync(Ct);
            await scope.ServiceProvider.GetRequiredService<ArticleIndexingService>().ArticlesChangedAsync([unpublished, deleted], Ct);
        }

        var search = host.Services.GetRequiredService<SearchService>();
        Assert.DoesNotContain(search.Search(new SearchRequest("mũ bảo hiểm")).Hits, h => h.Id == unpublished);
        Assert.DoesNotContain(search.Search(new SearchRequest("điểm đen tai nạn")).Hits, h => h.Id == deleted);
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.False(await db.RelatedArticles.AnyAsync(r => r.RelatedArticleId == unpublished || r.RelatedArticleId == deleted, Ct));
            // The drink-driving story's list held just those two traffic stories; it was recomputed, and with no other
            // traffic story and no other article of its section left, it is empty rather than stale.
            Assert.Equal(0, await db.RelatedArticles.CountAsync(r => r.ArticleId == ids[0], Ct));
            // A list that did not hold them is untouched.
            Assert.True(await db.RelatedArticles.CountAsync(r => r.ArticleId == ids[3], Ct) >= 2);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnotherNode_CatchesUpFromTheContentChangesLog(DatabaseProvider provider)
    {
        await using var nodeA = await SearchTestHost.CreateAsync(provider);
        using var directoryB = new TemporaryDirectory();
        await using var nodeB = await SearchTestHost.CreateAsync(database: nodeA.Database, dataDirectory: directoryB.Path);
        await SeedAsync(nodeA);
        await nodeB.Services.GetRequiredService<SearchIndexer>().RebuildAsync(null, Ct);

        var added = await PublishAsync(nodeA, "Tuyên truyền đội mũ bảo hiểm cho công nhân khu chế xuất",
            "Công nhân được hướng dẫn đội mũ bảo hiểm đúng cách.", "An toàn giao thông cho công nhân đi làm bằng xe máy.", "Chính quyền");
        var searchB = nodeB.Services.GetRequiredService<SearchService>();
        Assert.DoesNotContain(searchB.Search(new SearchRequest("cong nhan khu che xuat")).Hits, h => h.Id == added);

        var applied = await nodeB.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(Ct);

        Assert.True(applied >= 1);
        Assert.Equal(added, searchB.Search(new SearchRequest("cong nhan khu che xuat")).Hits[0].Id);
        // Applying the same changes again is a no-op.
        Assert.Equal(0, await nodeB.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(Ct));
    }

    [Fact]
    public async Task DamagedIndex_IsRecreatedAndRebuiltFromTheDatabase()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var directory = new TemporaryDirectory();
        await using (var first = await SearchTestHost.CreateAsync(database: database, dataDirectory: directory.Path))
        {
            await SeedAsync(first);
        }

        var indexDirectory = new PortalPaths(directory.Path).SearchIndexDirectory;
        foreach (var file in Directory.EnumerateFiles(indexDirectory).Where(f => Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal)))
        {
            await File.WriteAllBytesAsync(file, [1, 2, 3], Ct);
        }

        await using var second = await SearchTestHost.CreateAsync(database: database, dataDirectory: directory.Path);
        var index = second.Services.GetRequiredService<SearchIndex>();
        index.EnsureOpen();
        Assert.True(index.NeedsRebuild);

        await second.Services.GetRequiredService<SearchIndexer>().RebuildAsync(null, Ct);

        Assert.False(index.NeedsRebuild);
        Assert.Equal(Stories.Length, index.Count);
        Assert.NotEmpty(second.Services.GetRequiredService<SearchService>().Search(new SearchRequest("sot xuat huyet")).Hits);
    }

    [Fact]
    public async Task IndexOfAnOlderSchema_IsRebuilt_AndSaysSo()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var directory = new TemporaryDirectory();
        await using (var first = await SearchTestHost.CreateAsync(database: database, dataDirectory: directory.Path))
        {
            await SeedAsync(first);
        }

        var indexDirectory = new PortalPaths(directory.Path).SearchIndexDirectory;
        using (var fs = Lucene.Net.Store.FSDirectory.Open(indexDirectory))
        using (var writer = new IndexWriter(fs, new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, SearchIndex.Analyzer)))
        {
            writer.SetCommitData(new Dictionary<string, string> { [SearchIndex.WatermarkKey] = "1", [SearchIndex.SchemaKey] = "1" });
            writer.Commit();
        }

        await using var second = await SearchTestHost.CreateAsync(database: database, dataDirectory: directory.Path);
        var index = second.Services.GetRequiredService<SearchIndex>();
        index.EnsureOpen();

        Assert.True(index.SchemaChanged);
        Assert.True(index.NeedsRebuild);
        await second.Services.GetRequiredService<SearchIndexer>().RebuildAsync(null, Ct);
        Assert.False(index.SchemaChanged);
    }

    /// <summary>Publishes the stories (older first) and computes the index and every list, as an import does.</summary>
    private static async Task<List<int>> SeedAsync(SearchTestHost host)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var categories = new Dictionary<string, Category>();
        var articles = Stories.Select((s, i) => new Article
        {
            Title = s.Title,
            Slug = Slug.From(s.Title),
            Summary = s.Summary,
            BodyHtml = $"<p>{s.Body}</p>",
            Category = categories.TryGetValue(s.Category, out var c) ? c : categories[s.Category] = new Category { Name = s.Category, Slug = Slug.From(s.Category) },
            Status = ArticleStatus.Published,
            PublishedAtUtc = Now.AddDays(-30 + i),
            CreatedAtUtc = Now.AddDays(-30 + i),
            UpdatedAtUtc = Now.AddDays(-30 + i),
        }).ToList();
        db.Articles.AddRange(articles);
        await db.SaveChangesAsync(Ct);
        await scope.ServiceProvider.GetRequiredService<ArticleIndexingService>().RebuildAllAsync(null, null, Ct);
        return articles.Select(a => a.Id).ToList();
    }

    private static async Task<int> PublishAsync(SearchTestHost host, string title, string summary, string body, string categoryName)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var category = await db.Categories.SingleAsync(c => c.Name == categoryName, Ct);
        var article = new Article
        {
            Title = title, Slug = Slug.From(title), Summary = summary, BodyHtml = $"<p>{body}</p>", CategoryId = category.Id,
            Status = ArticleStatus.Published, PublishedAtUtc = Now.AddMinutes(-1), CreatedAtUtc = Now, UpdatedAtUtc = Now,
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync(Ct);
        db.ContentChanges.Add(new ContentChange { EntityId = article.Id, Kind = ContentChangeKind.Upserted, AtUtc = Now });
        await db.SaveChangesAsync(Ct);
        await scope.ServiceProvider.GetRequiredService<ArticleIndexingService>().ArticleChangedAsync(article.Id, Ct);
        return article.Id;
    }
}
