using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Data;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Data;

/// <summary>SQLite plans a join from the statistics it has: without them the "Tin liên quan" query of the article page
/// walks every published article; with them it reads one stored list by its index.</summary>
public sealed class SqliteStatisticsTests
{
    private static readonly DateTime Published = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunOnce_GivesThePlannerStatistics_AndTheRelatedListIsReadByItsIndex()
    {
        await using var database = await TestDatabase.CreateAsync();
        var articleId = await AddArticlesWithListsAsync(database, articles: 60);
        await using var services = Services(database);

        var before = await PlanAsync(database, articleId);
        await services.GetRequiredService<SqliteStatisticsService>().RunOnceAsync(Ct);
        var after = await PlanAsync(database, articleId);

        Assert.Contains(before, step => step.Contains("USING INDEX IX_Articles_Status_PublishedAtUtc", StringComparison.Ordinal));
        Assert.Contains(after, step => step.Contains("SEARCH r USING INDEX IX_RelatedArticles_ArticleId_Rank", StringComparison.Ordinal));
        Assert.DoesNotContain(after, step => step.Contains("IX_Articles_Status_PublishedAtUtc", StringComparison.Ordinal));
        await using var db = database.CreateContext();
        var analysed = await db.Database.SqlQueryRaw<string>("SELECT DISTINCT tbl AS \"Value\" FROM sqlite_stat1").ToListAsync(Ct);
        Assert.Contains("Articles", analysed);
        Assert.Contains("RelatedArticles", analysed);
        // The list itself is unchanged by the plan: six visible entries in rank order.
        var list = await new ArticleService(db, TimeProvider.System).GetStoredRelatedAsync(articleId, 6, Ct);
        Assert.Equal(6, list.Count);
    }

    [Fact]
    public async Task RunOnce_OnAnotherProvider_DoesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = Services(database, provider: DatabaseProvider.PostgreSql);

        await services.GetRequiredService<SqliteStatisticsService>().RunOnceAsync(Ct);

        await using var db = database.CreateContext();
        var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_stat1'").ToListAsync(Ct);
        Assert.Empty(tables);
    }

    private static ServiceProvider Services(TestDatabase database, DatabaseProvider? provider = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<PortalDbContext>(o => DataServiceCollectionExtensions.Configure(o, database.Options, new PortalPaths(database.DataDirectory)));
        var options = database.Options;
        options.Provider = provider ?? options.Provider;
        services.AddSingleton(Options.Create(options));
        services.AddSingleton<SqliteStatisticsService>();
        return services.BuildServiceProvider();
    }

    /// <summary>The steps of SQLite's plan for the article page's related-list query, as EF Core sends it.</summary>
    private static async Task<List<string>> PlanAsync(TestDatabase database, int articleId)
    {
        await using var db = database.CreateContext();
        await using var command = new ArticleService(db, TimeProvider.System).StoredRelatedQuery(articleId, 6).CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync(Ct);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var steps = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    /// <summary>Published articles, each with a stored list of the six after it; returns the first one's id.</summary>
    private static async Task<int> AddArticlesWithListsAsync(TestDatabase database, int articles)
    {
        await using var db = database.CreateContext();
        var category = new Category { Name = "Tin tức", Slug = "tin-tuc" };
        var added = Enumerable.Range(1, articles).Select(i => new Article
        {
            Title = $"Bài {i}", Slug = $"bai-{i}", Category = category, Status = ArticleStatus.Published,
            PublishedAtUtc = Published.AddHours(i), CreatedAtUtc = Published, UpdatedAtUtc = Published,
        }).ToList();
        db.Articles.AddRange(added);
        await db.SaveChangesAsync(Ct);
        for (var i = 0; i < added.Count; i++)
        {
            for (var rank = 1; rank <= 6; rank++)
            {
                db.RelatedArticles.Add(new RelatedArticle
                {
                    ArticleId = added[i].Id, RelatedArticleId = added[(i + rank) % added.Count].Id, Rank = rank, Score = 1.0 / rank,
                });
            }
        }

        await db.SaveChangesAsync(Ct);
        return added[0].Id;
    }
}
