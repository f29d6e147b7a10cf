using System.Net;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Audit;
using Q11Portal.Web.Tests.Infrastructure;
using Q11Portal.Web.Tests.Reach;

namespace Q11Portal.Web.Tests.Nodes;

/// <summary>Issue 13: behind a TLS-ending proxy the portal sees the client's address and scheme, but only from known
/// proxies; an HTTPS public site gets Secure cookies, HSTS and a redirect from plain HTTP; and no Host or
/// X-Forwarded-Host header ever reaches a link. The portal runs on a real socket, so the proxy is 127.0.0.1.</summary>
public sealed class ReverseProxyHostTests
{
    private const string Site = "https://quan11.example.vn";
    private const string Hostile = "tin-gia.example";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("ReverseProxy:KnownProxies:0", "127.0.0.1", "203.0.113.7")]
    [InlineData("ReverseProxy:KnownNetworks:0", "127.0.0.0/8", "203.0.113.7")]
    [InlineData("ReverseProxy:KnownProxies:0", "10.20.30.40", "127.0.0.1")]
    public async Task ForwardedFor_IsBelievedFromKnownProxiesOnly(string key, string proxy, string expectedAddress)
    {
        await using var app = await KestrelPortalFactory.CreateAsync(settings: new Dictionary<string, string?> { [key] = proxy });
        using var client = Client(app);

        var response = await new CookieJar().SignInAsync(client, client, "khong-ton-tai@q11.test", "sai-mat-khau",
            r => r.Headers.Add("X-Forwarded-For", "203.0.113.7"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.Database.CreateContext();
        var details = (await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.LoginFailed, Ct)).Details;
        Assert.EndsWith("IP " + expectedAddress, details);
    }

    [Fact]
    public async Task HttpsSite_ForwardedProtoHttps_SecureCookiesAndHsts_PlainHttpRedirected()
    {
        await using var app = await KestrelPortalFactory.CreateAsync(settings: ProxiedSite);
        using var client = Client(app);
        var email = await Staff.CreateAsync(app, "Editor");
        var browser = new CookieJar();

        var signIn = await browser.SignInAsync(client, client, email, Staff.Password, AsProxiedHttps);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(signIn.Headers.GetValues("Strict-Transport-Security")));
        Assert.Contains(browser.SetCookies, c => c.StartsWith("q11.staff=", StringComparison.Ordinal));
        Assert.Contains(browser.SetCookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.All(browser.SetCookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));

        // Plain HTTP goes to the public HTTPS address, whatever Host it named; a node's health probe is answered.
        var plain = new HttpRequestMessage(HttpMethod.Get, "/dang-nhap?returnUrl=%2Fadmin");
        plain.Headers.Host = Hostile;
        var redirect = await client.SendAsync(plain, Ct);
        Assert.Equal(HttpStatusCode.PermanentRedirect, redirect.StatusCode);
        Assert.Equal(Site + "/dang-nhap?returnUrl=%2Fadmin", redirect.Headers.Location!.OriginalString);
        Assert.False(redirect.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Ct)).StatusCode);
    }

    [Fact]
    public async Task HostileHostAndForwardedHost_NeverReachLinksFeedsSitemapsOrCanonical()
    {
        await using var app = await KestrelPortalFactory.CreateAsync(settings: ProxiedSite);
        using var client = Client(app);
        ReachTestData data;
        await using (var db = app.Database.CreateContext())
        {
            data = await ReachTestData.SeedAsync(db);
        }

        string[] paths =
        [
            "/", $"/tin-tuc/{data.Public[0].Slug}", $"/chuyen-muc/{data.Other.Slug}", $"/chuyen-muc/{data.Other.Slug}/rss",
            "/rss", "/atom", "/sitemap.xml", "/robots.txt",
        ];
        foreach (var path in paths)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            AsProxiedHttps(request);
            request.Headers.Host = Hostile;
            request.Headers.Add("X-Forwarded-Host", Hostile);
            var response = await client.SendAsync(request, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            Assert.Contains(Site + "/", body);
            Assert.DoesNotContain(Hostile, body);
            Assert.DoesNotContain(response.Headers, h => h.Value.Any(v => v.Contains(Hostile, StringComparison.Ordinal)));
        }
    }

    private static readonly Dictionary<string, string?> ProxiedSite = new()
    {
        ["ReverseProxy:KnownProxies:0"] = "127.0.0.1",
        ["PublicSite:BaseUrl"] = Site,
    };

    /// <summary>What nginx adds in front of a reader who came over HTTPS to the public name.</summary>
    private static void AsProxiedHttps(HttpRequestMessage request)
    {
        request.Headers.Host = new Uri(Site).Host;
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
    }

    private static HttpClient Client(KestrelPortalFactory app) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(app.BaseUrl) };
}
