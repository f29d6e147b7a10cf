using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Data;
using Q11Portal.Core.Documents;
using Q11Portal.Web.Infrastructure;
using Q11Portal.Web.Tests.Infrastructure;
using static Q11Portal.Web.Tests.Counters.CounterTestSupport;

namespace Q11Portal.Web.Tests.Caching;

/// <summary>Issue 12, the cache-miss path: an article page rendered from scratch reads only what is the article's own
/// (the article, its tags, neighbours, related list, comment count) on one database connection; what every page
/// shares and changes only when content changes (menu, sidebar, the documents the body links to) comes from memory
/// until a change drops it.</summary>
public sealed class CacheMissReadsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ArticlePage_CacheMiss_ReadsSixCommandsAtMostOnOneConnection()
    {
        var reads = new ReadsByContext();
        await using var app = await PortalAppFactory.CreateAsync(services: s => s.ConfigureDbContext<PortalDbContext>(o => o.AddInterceptors(reads, reads.Connections)));
        using var http = app.RawClient();
        var (_, warm) = await AddPublishedArticleAsync(app.Database, "bai-lam-nong-bo-nho");
        var (_, measured) = await AddPublishedArticleAsync(app.Database, "bai-doc-it-truy-van");
        // Otherwise the index taking the articles in, or the poll's first round, may drop what the first render put in
        // memory (CI: the documents were read again).
        await ContentChangePoll.WaitUntilIndexedAndCaughtUpAsync(app.Services, Ct);

        using var first = await http.SendAsync(Get("/tin-tuc/" + warm), Ct);
        using var page = await http.SendAsync(Get("/tin-tuc/" + measured), Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null(page.Headers.Age);
        var request = reads.ContextThatRead(measured);
        // Article (with its approved comment count), tags, newer and older neighbours, stored related list and (this
        // article was added without the publish pipeline, so its list is not computed) the category's latest instead.
        // It was 13. An article with comments reads its page of them too.
        Assert.True(request.Commands.Count <= 6, "Commands of one article render:\n" + string.Join("\n---\n", request.Commands));
        // On SQLite the render borrows a connection that is open already; elsewhere it opens one.
        Assert.True(request.ConnectionsOpened <= 1, $"{request.ConnectionsOpened} connections opened");
        Assert.DoesNotContain(request.Commands, c => c.Contains("\"LibraryDocuments\"", StringComparison.Ordinal));
        Assert.DoesNotContain(request.Commands, c => c.Contains("\"ContentChanges\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ArticlePage_CacheMiss_OnSqlite_RunsThePreparedStatementsOfTheLastRender_AndReadsWhatIsStoredNow()
    {
        var reads = new ReadsByContext();
        await using var app = await PortalAppFactory.CreateAsync(services: s => s.ConfigureDbContext<PortalDbContext>(o => o.AddInterceptors(reads)));
        using var http = app.RawClient();
        var (_, first) = await AddPublishedArticleAsync(app.Database, "bai-chuan-bi-cau-lenh");
        var (secondId, second) = await AddPublishedArticleAsync(app.Database, "bai-dung-lai-cau-lenh");
        await ContentChangePoll.WaitUntilIndexedAndCaughtUpAsync(app.Services, Ct);

        using (var page = await http.SendAsync(Get("/tin-tuc/" + first), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var connection = Assert.Single(reads.ContextThatRead(first).Connections.OfType<KeptOpenSqliteConnection>().Distinct());
        var reusesBefore = connection.Reuses;
        var recompilationsBefore = connection.Recompilations;
        using (var page = await http.SendAsync(Get("/tin-tuc/" + second), Ct))
        {
            Assert.Contains("dân vận khéo " + second, await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        var render = reads.ContextThatRead(second);
        Assert.Same(connection, Assert.Single(render.Connections.Distinct()));
        // Every query of the second article's page had run for the first: none was compiled again.
        Assert.Equal(render.Commands.Count, connection.Reuses - reusesBefore);
        // ...and SQLite did not compile them again either: with the lists' row counts bound as LIMIT parameters it
        // recompiled the neighbours and latest-news statements on every run.
        Assert.Equal(recompilationsBefore, connection.Recompilations);

        // A kept statement reads what is stored when it runs, not what it read before (the print view, a page of its
        // own in the output cache, misses it as a first reader after an edit does).
        await using (var db = app.Database.CreateContext())
        {
            var article = await db.Articles.SingleAsync(a => a.Id == secondId, Ct);
            article.Title = "Tiêu đề đã sửa sau lần đọc trước";
            await db.SaveChangesAsync(Ct);
        }

        using var edited = await http.SendAsync(Get("/tin-tuc/" + second + "?in=1"), Ct);
        Assert.Contains("Tiêu đề đã sửa sau lần đọc trước", await edited.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterARenderOnABorrowedConnection_EveryPooledContextStillReadsTheDatabase()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        using var http = app.RawClient();
        var (_, slug) = await AddPublishedArticleAsync(app.Database, "bai-tra-ket-noi");
        using (var page = await http.SendAsync(Get("/tin-tuc/" + slug), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        // Contexts are pooled and leased in turn: the one that rendered the page comes round among these, and must have
        // its own connection back (it lost its connection string once, and read an empty database).
        for (var lease = 0; lease < 3 * DataServiceCollectionExtensions.ContextPoolSize / 4; lease++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.True(await db.Articles.AnyAsync(a => a.Slug == slug, Ct), $"lease {lease}");
        }
    }

    [Fact]
    public async Task DocumentLinks_KeptUntilEvicted_AndTheInvalidatorEvictsThem()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var library = scope.ServiceProvider.GetRequiredService<DocumentLibrary>();
        // An instance of its own: the app's is also dropped by the change-log poll, at times this test does not choose.
        var cache = new DocumentLinkTargetsCache(TimeProvider.System);
        var shared = app.Services.GetRequiredService<DocumentLinkTargetsCache>();
        var before = await cache.GetAsync(library, Ct);
        Assert.True(before.IsEmpty);
        Assert.True((await shared.GetAsync(library, Ct)).IsEmpty);

        await using (var db = app.Database.CreateContext())
        {
            var reference = DocumentReferenceParser.ForDocument("ct", "05-CT/TW")!;
            db.Set<LibraryDocument>().Add(new LibraryDocument
            {
                Kind = "ct", Symbol = "05-CT/TW", Slug = "chi-thi-05-ct-tw", Excerpt = "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                Issuer = "Ban Chấp hành Trung ương", IssuedOn = new DateOnly(2016, 5, 15),
                ReferenceKey = reference.Key, KindNumberKey = reference.KindNumberKey, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync(Ct);
        }

        Assert.Same(before, await cache.GetAsync(library, Ct));
        cache.Evict();
        Assert.False((await cache.GetAsync(library, Ct)).IsEmpty);

        await app.Services.GetRequiredService<PublicPageCacheInvalidator>().EvictAllAsync(Ct);
        Assert.False((await shared.GetAsync(library, Ct)).IsEmpty);
    }

    /// <summary>Every command and connection opening, by the context that made it (a request's scope has one): by its
    /// <see cref="DbContext.ContextId"/>, which tells the leases of a pooled context apart.</summary>
    private sealed class ReadsByContext : DbCommandInterceptor
    {
        private readonly ConcurrentDictionary<DbContextId, ContextReads> reads = new();

        public ConnectionCounter Connections { get; }

        public ReadsByContext() => Connections = new ConnectionCounter(this);

        public ContextReads ContextThatRead(string slug) =>
            reads.Values.Single(r => r.Slugs.Contains(slug));

        public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
        {
            if (eventData.Context is { } context)
            {
                var entry = For(context);
                lock (entry)
                {
                    entry.Commands.Add(result.CommandText);
                    entry.Connections.Add(result.Connection!);
                    entry.Slugs.UnionWith(result.Parameters.Cast<DbParameter>().Select(p => p.Value).OfType<string>());
                }
            }

            return result;
        }

        public ContextReads For(DbContext context) => reads.GetOrAdd(context.ContextId, _ => new ContextReads());
    }

    private sealed class ConnectionCounter(ReadsByContext owner) : DbConnectionInterceptor
    {
        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Count(eventData);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            Count(eventData);
            return result;
        }

        private void Count(ConnectionEventData eventData)
        {
            if (eventData.Context is { } context)
            {
                var entry = owner.For(context);
                lock (entry)
                {
                    entry.ConnectionsOpened++;
                }
            }
        }
    }

    private sealed class ContextReads
    {
        public List<string> Commands { get; } = [];
        public List<DbConnection> Connections { get; } = [];
        public HashSet<string> Slugs { get; } = new(StringComparer.Ordinal);
        public int ConnectionsOpened { get; set; }
    }
}
