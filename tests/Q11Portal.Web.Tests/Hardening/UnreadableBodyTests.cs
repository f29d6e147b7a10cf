using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Q11Portal.Core.Data;
using Q11Portal.Core.Users;
using Q11Portal.Web.Tests.Comments;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Hardening;

/// <summary>Bodies the framework cannot read get a Vietnamese 400 (413 when too large) on anonymous and staff forms
/// alike — before, antiforgery or binding refused them and the re-executed error page crashed with 500.</summary>
public sealed class UnreadableBodyTests
{
    private const string Unreadable = "Máy chủ không đọc được biểu mẫu";
    private const string TooLarge = "vượt quá giới hạn cho phép";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_EachUnreadableBody_Is400VietnamesePage()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var client = Staff.Client(app);
        var token = await Staff.AntiforgeryTokenAsync(client, "/dang-nhap");

        var failures = new List<string>();
        foreach (var kind in BrokenBodies.Unreadable)
        {
            using var response = await client.PostAsync("/dang-nhap", BrokenBodies.Build(kind, token, "Email"), Ct);
            failures.AddRange(await ProblemsAsync(kind, response, HttpStatusCode.BadRequest, Unreadable));
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task AdminForm_EachUnreadableBody_Is400VietnamesePage_AndNothingChanges()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        var token = await Staff.AntiforgeryTokenAsync(editor, "/admin/categories/create");
        var existing = await Newsroom.NewsroomSite.AddCategoryAsync(app, "Tin phường");

        var failures = new List<string>();
        foreach (var kind in BrokenBodies.Unreadable)
        {
            foreach (var path in new[] { "/admin/categories/create", $"/admin/categories/{existing}/edit" })
            {
                using var response = await editor.PostAsync(path, BrokenBodies.Build(kind, token), Ct);
                failures.AddRange((await ProblemsAsync(kind, response, HttpStatusCode.BadRequest, Unreadable)).Select(p => path + " " + p));
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        await using var scope = app.Services.CreateAsyncScope();
        var category = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Categories.AsNoTracking().SingleAsync(Ct);
        Assert.Equal("Tin phường", category.Name);
    }

    [Fact]
    public async Task CommentPost_EachUnreadableBody_IsTheFormWithAMessage_AndNothingIsStored()
    {
        await using var site = await CommentTestSite.CreateAsync(settings: new Dictionary<string, string?> { ["Comments:RateLimitPermits"] = "100" });

        var failures = new List<string>();
        foreach (var kind in BrokenBodies.Unreadable)
        {
            using var response = await site.Client.PostAsync(site.FormUrl, BrokenBodies.Build(kind, token: null, "Body"), Ct);
            // The comment form reads its own body: the form comes back with the reason (a NUL alone is tolerated and
            // stripped; the post then lacks its form token), or 413 for a body over the comment limit.
            var html = await response.Content.ReadAsStringAsync(Ct);
            var expected = kind == "overlong" ? (HttpStatusCode.RequestEntityTooLarge, "Nội dung gửi lên quá lớn")
                : (HttpStatusCode.BadRequest, "Biểu mẫu bình luận không hợp lệ");
            if (response.StatusCode != expected.Item1 || !html.Contains(expected.Item2, StringComparison.Ordinal) || !html.Contains("name=\"FormToken\"", StringComparison.Ordinal))
            {
                failures.Add($"{kind}: {(int)response.StatusCode}, expected {(int)expected.Item1} with “{expected.Item2}” and the form");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Empty(await site.CommentsAsync());
    }

    [Fact]
    public async Task BodyOverTheServerLimit_Is413VietnamesePage_OnSignInAndAdminForms()
    {
        await using var app = await KestrelPortalFactory.CreateAsync();
        var email = await Staff.CreateAsync(app, Roles.Editor);
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        var signInToken = await Staff.AntiforgeryTokenAsync(browser, "/dang-nhap");
        var anonymousCookies = cookies.GetCookieHeader(new Uri(app.BaseUrl));

        // Kestrel's default limit is 30 MB; the body announces 40 MB and the server refuses it before reading it.
        var (status, html) = await RawPostAsync(app.BaseUrl, "/dang-nhap", anonymousCookies, 40_000_000, "Email=a&__RequestVerificationToken=" + Uri.EscapeDataString(signInToken));
        Assert.Equal(413, status);
        Assert.Contains(TooLarge, html);

        Assert.Equal(HttpStatusCode.Redirect, (await Staff.LoginAsync(browser, email, Staff.Password)).StatusCode);
        var adminToken = await Staff.AntiforgeryTokenAsync(browser, "/admin/categories/create");
        (status, html) = await RawPostAsync(app.BaseUrl, "/admin/categories/create", cookies.GetCookieHeader(new Uri(app.BaseUrl)), 40_000_000,
            "Name=x&__RequestVerificationToken=" + Uri.EscapeDataString(adminToken));
        Assert.Equal(413, status);
        Assert.Contains(TooLarge, html);
    }

    [Fact]
    public async Task ClientAbortingItsUpload_IsLoggedAsInformation_NotAsError()
    {
        var requests = new RequestLog();
        var framework = new CollectingSink();
        await using var app = await KestrelPortalFactory.CreateAsync(services: s =>
        {
            // The request line is Serilog's; everything else goes through the host's logger factory.
            s.AddSingleton<Serilog.ILogger>(new Serilog.LoggerConfiguration().MinimumLevel.Information().WriteTo.Sink(requests).CreateLogger());
            s.AddSingleton<ILoggerFactory>(new LoggerFactory([framework]));
        });
        var uri = new Uri(app.BaseUrl);
        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(uri.Host, uri.Port, Ct);
            var stream = socket.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"POST /dang-nhap HTTP/1.1\r\nHost: {uri.Authority}\r\nContent-Type: {BrokenBodies.UrlEncoded}\r\nContent-Length: 100000\r\n\r\nEmail=a&Password="), Ct);
            await stream.FlushAsync(Ct);
            await Task.Delay(300, Ct);
            // A reset, as when a browser tab is closed mid-upload.
            socket.Client.LingerState = new LingerOption(true, 0);
            socket.Client.Close();
        }

        Serilog.Events.LogEvent? line = null;
        for (var i = 0; i < 100 && line is null; i++)
        {
            await Task.Delay(100, Ct);
            line = requests.Events.FirstOrDefault(e => e.MessageTemplate.Text.StartsWith("HTTP", StringComparison.Ordinal));
        }

        Assert.NotNull(line);
        Assert.Equal(Serilog.Events.LogEventLevel.Information, line.Level);
        Assert.DoesNotContain("Error", framework.Text.Split('\n').Select(l => l.Split(' ')[0]));
    }

    private sealed class RequestLog : Serilog.Core.ILogEventSink
    {
        public System.Collections.Concurrent.ConcurrentQueue<Serilog.Events.LogEvent> Events { get; } = new();

        public void Emit(Serilog.Events.LogEvent logEvent) => Events.Enqueue(logEvent);
    }

    private static async Task<IEnumerable<string>> ProblemsAsync(string kind, HttpResponseMessage response, HttpStatusCode expected, string phrase)
    {
        var html = await response.Content.ReadAsStringAsync(Ct);
        var problems = new List<string>();
        if (response.StatusCode != expected)
        {
            problems.Add($"{kind}: {(int)response.StatusCode}, expected {(int)expected}");
        }

        if (!html.Contains(phrase, StringComparison.Ordinal) || !html.Contains("lang=\"vi\"", StringComparison.Ordinal))
        {
            problems.Add($"{kind}: the page does not say “{phrase}”");
        }

        return problems;
    }

    /// <summary>Announces <paramref name="contentLength"/> bytes, sends only <paramref name="start"/> and reads the
    /// answer: a client library would insist on sending the whole body first.</summary>
    private static async Task<(int Status, string Body)> RawPostAsync(string baseUrl, string path, string cookies, long contentLength, string start)
    {
        var uri = new Uri(baseUrl);
        using var socket = new TcpClient();
        await socket.ConnectAsync(uri.Host, uri.Port, Ct);
        var stream = socket.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {uri.Authority}\r\nContent-Type: {BrokenBodies.UrlEncoded}\r\nContent-Length: {contentLength}\r\n" +
                   $"Cookie: {cookies}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + start), Ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(Ct);
        var status = int.Parse(text.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        // The phrase checked is short; a chunk boundary inside it is not a concern for these pages.
        return (status, text);
    }
}
