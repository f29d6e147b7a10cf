using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Data;
using Q11Portal.Core.Search;
using Q11Portal.Core.Tests.Search;
using Q11Portal.Core.Users;

namespace Q11Portal.Core.Tests.Articles;

/// <summary>Core's newsroom on a test database with a fake clock: articles written and published through the real
/// writer and workflow, as an editor does.</summary>
internal sealed class NewsroomTestBed : IAsyncDisposable
{
    public static readonly StaffActor Reporter = new("reporter-id", "phong-vien@q11.test", Roles.Reporter);
    public static readonly StaffActor Editor = new("editor-id", "bien-tap@q11.test", Roles.Editor);
    public static readonly StaffActor Admin = new("admin-id", "quan-tri@q11.test", Roles.Admin);

    private NewsroomTestBed(SearchTestHost host, FakeTimeProvider clock, AsyncServiceScope scope, int categoryId)
    {
        Host = host;
        Clock = clock;
        Scope = scope;
        CategoryId = categoryId;
    }

    public SearchTestHost Host { get; }
    public FakeTimeProvider Clock { get; }
    public AsyncServiceScope Scope { get; }
    public int CategoryId { get; }
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<NewsroomTestBed> CreateAsync(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 10, 2, 0, 0, TimeSpan.Zero));
        var host = await SearchTestHost.CreateAsync(provider, clock);
        var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var category = new Category { Name = "Tin hoạt động", Slug = "tin-hoat-dong" };
        db.Categories.Add(category);
        await db.SaveChangesAsync(Ct);
        // The index exists from the start, as on a running node, so publishes are applied to it at once.
        await scope.ServiceProvider.GetRequiredService<ArticleIndexingService>().RebuildAllAsync(null, null, Ct);
        return new NewsroomTestBed(host, clock, scope, category.Id);
    }

    private readonly List<AsyncServiceScope> requests = [];

    /// <summary>A service from a scope of its own, as each web request has: nothing tracked carries over between steps.</summary>
    public T Get<T>() where T : notnull
    {
        var request = Host.Scope();
        requests.Add(request);
        return request.ServiceProvider.GetRequiredService<T>();
    }

    /// <summary>A fresh context, so what a test reads is what the database holds.</summary>
    public PortalDbContext Read()
    {
        var db = Get<PortalDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return db;
    }

    public ArticleDraft Draft(string title, string body = "<p>Quận 11 tổ chức hội nghị sơ kết công tác dân vận.</p>") =>
        new(title, "Sapo của bài.", body, CategoryId, null, null, ["Dân vận"], "Minh Anh", null, null);

    public async Task<int> CreateAsync(ArticleDraft draft, StaffActor? actor = null)
    {
        var created = await Get<ArticleWriter>().CreateAsync(draft, actor ?? Editor, Ct);
        Assert.True(created.Succeeded, created.Message);
        return created.Value!.ArticleId;
    }

    public async Task<int> PublishedAsync(ArticleDraft draft)
    {
        var id = await CreateAsync(draft);
        var published = await Get<NewsroomWorkflow>().PublishAsync(id, await VersionAsync(id), Editor, null, Ct);
        Assert.True(published.Succeeded, published.Message);
        return id;
    }

    public async Task<Guid> VersionAsync(int id)
    {
        var db = Read();
        return await db.Articles.Where(a => a.Id == id).Select(a => a.Version).SingleAsync(Ct);
    }

    public async Task<ArticleEditData> EditDataAsync(int id) => (await Get<ArticleEditQuery>().GetAsync(id, Ct))!;

    public async ValueTask DisposeAsync()
    {
        foreach (var request in requests)
        {
            await request.DisposeAsync();
        }

        await Scope.DisposeAsync();
        await Host.DisposeAsync();
    }
}
