using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Comments;
using Q11Portal.Core.Data;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Q11Portal.Web.Tests.Comments;

/// <summary>A portal in memory with a fake clock, one published article and helpers that post the comment form
/// the way a browser (or a script) would.</summary>
internal sealed class CommentTestSite : IAsyncDisposable
{
    private CommentTestSite(PortalAppFactory app, FakeTimeProvider clock, HttpClient client, int articleId, string slug)
    {
        App = app;
        Clock = clock;
        Client = client;
        ArticleId = articleId;
        Slug = slug;
    }

    public PortalAppFactory App { get; }
    public FakeTimeProvider Clock { get; }
    public HttpClient Client { get; }
    public int ArticleId { get; }
    public string Slug { get; }
    public string FormUrl => $"/tin-tuc/{Slug}/binh-luan";

    public static async Task<CommentTestSite> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, IReadOnlyDictionary<string, string?>? settings = null) =>
        await CreateOnAsync(await TestDatabase.CreateAsync(provider, migrate: false), settings, first: null);

    /// <summary>A second node on the database of <paramref name="first"/>, showing the same article (the database stays
    /// with the first node).</summary>
    public static Task<CommentTestSite> SecondNodeAsync(CommentTestSite first, IReadOnlyDictionary<string, string?>? settings = null) =>
        CreateOnAsync(first.App.Database, settings, first);

    private static async Task<CommentTestSite> CreateOnAsync(TestDatabase database, IReadOnlyDictionary<string, string?>? settings, CommentTestSite? first)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var all = new Dictionary<string, string?>
        {
            ["Comments:AltchaMaxNumber"] = "2000",
            ["Comments:MinFormAgeSeconds"] = "3",
            ["Comments:MaxFormAgeMinutes"] = "60",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var logs = new CollectingSink();
        var app = new PortalAppFactory(database, all, s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            // Serilog's host logger is process-wide (the last host started wins), so this test reads its own factory.
            s.AddSingleton<ILoggerFactory>(new LoggerFactory([logs]));
        }, ownsDatabase: first is null);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var (id, slug) = first is null ? await AddArticleAsync(app, clock, "Phường 14 ra quân làm sạch kênh") : (first.ArticleId, first.Slug);
        return new CommentTestSite(app, clock, client, id, slug) { Logs = logs };
    }

    public static async Task<(int Id, string Slug)> AddArticleAsync(PortalAppFactory app, TimeProvider clock, string title)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var slug = Core.Common.Slug.From(title) + "-" + Guid.NewGuid().ToString("N")[..6];
        var now = clock.GetUtcNow().UtcDateTime;
        var article = new Article
        {
            Title = title,
            Slug = slug,
            Summary = "Sapo của bài viết thử.",
            BodyHtml = "<p>Nội dung bài viết thử.</p>",
            Category = new Category { Name = "Tin tức " + slug, Slug = "tin-tuc-" + slug },
            Status = ArticleStatus.Published,
            PublishedAtUtc = now.AddHours(-2),
            CreatedAtUtc = now.AddHours(-3),
            UpdatedAtUtc = now.AddHours(-2),
        };
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return (article.Id, slug);
    }

    /// <summary>Opens the form and returns its token, as a browser rendering the page gets it.</summary>
    public async Task<string> OpenFormAsync()
    {
        var html = await Client.GetStringAsync(FormUrl);
        return ReadToken(html);
    }

    public static string ReadToken(string html) =>
        Regex.Match(html, "name=\"FormToken\" value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } token
            ? WebUtility.HtmlDecode(token)
            : throw new InvalidOperationException("The page has no comment form token.");

    /// <summary>Fetches a challenge and solves it, as the ALTCHA widget does in the page.</summary>
    public async Task<string> SolveAltchaAsync()
    {
        var challenge = await Client.GetFromJsonAsync<AltchaChallenge>("/altcha/challenge");
        return AltchaService.Solve(challenge!);
    }

    public Task<HttpResponseMessage> PostAsync(string? token, string? altcha, string? name = "Nguyễn Văn An", string? body = "Đề nghị phường bố trí thêm thùng rác ở chợ.", string? email = null, string? website = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                fields.Add(new(key, value));
            }
        }

        Add("Name", name);
        Add("Email", email);
        Add("Body", body);
        Add("Website", website);
        Add("FormToken", token);
        Add("altcha", altcha);
        return Client.PostAsync(FormUrl, new FormUrlEncodedContent(fields));
    }

    /// <summary>A post that passes every layer: fresh form, waited like a person, solved proof of work.</summary>
    public async Task<HttpResponseMessage> PostValidAsync(string body = "Cảm ơn bài viết, rất bổ ích.")
    {
        var token = await OpenFormAsync();
        var altcha = await SolveAltchaAsync();
        Clock.Advance(TimeSpan.FromSeconds(10));
        return await PostAsync(token, altcha, body: body);
    }

    public async Task<List<Comment>> CommentsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Comments.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
    }

    public CollectingSink Logs { get; private init; } = new();

    /// <summary>Every log event at Warning or above, rendered with its properties.</summary>
    public string LogText() => Logs.Text;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}

internal sealed class CollectingSink : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> events = new();

    /// <summary>Every event at Warning or above: level, message and its properties.</summary>
    public string Text => string.Join('\n', events);

    public ILogger CreateLogger(string categoryName) => new Collector(events);

    public void Dispose()
    {
    }

    private sealed class Collector(System.Collections.Concurrent.ConcurrentQueue<string> events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => p.Key + "=" + p.Value)) : string.Empty;
            events.Enqueue(logLevel + " " + formatter(state, exception) + " " + properties + " " + exception);
        }
    }
}
