using System.Net;
using Q11Portal.Web.Infrastructure.Reach;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Reach;

public sealed class SecurityHeaderTests
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]                          // page
    [InlineData("/khong-co-trang-nay", HttpStatusCode.NotFound)]  // 404 page (status-code re-execution)
    [InlineData("/css/site.css", HttpStatusCode.OK)]              // static file
    [InlineData("/img/q11-logo-512.png", HttpStatusCode.OK)]      // static image
    [InlineData("/rss", HttpStatusCode.OK)]                       // feed
    [InlineData("/atom", HttpStatusCode.OK)]
    [InlineData("/sitemap.xml", HttpStatusCode.OK)]
    [InlineData("/robots.txt", HttpStatusCode.OK)]
    [InlineData("/health/live", HttpStatusCode.OK)]               // health
    [InlineData("/health/ready", HttpStatusCode.OK)]
    [InlineData("/loi/500", HttpStatusCode.InternalServerError)]  // error page
    public async Task EveryKindOfResponse_CarriesTheSecurityHeaders(string path, HttpStatusCode status)
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public void Policy_HasNoInlineScripts_AndOnlySelfFraming()
    {
        var policy = SecurityHeadersMiddleware.BuildPolicy(new SecurityHeaderOptions(), https: false);
        var directives = policy.Split("; ").ToDictionary(d => d.Split(' ')[0], d => d);

        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("frame-ancestors 'self'", directives["frame-ancestors"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.DoesNotContain("upgrade-insecure-requests", policy);
        Assert.Contains("upgrade-insecure-requests", SecurityHeadersMiddleware.BuildPolicy(new SecurityHeaderOptions(), https: true));
    }

    [Fact]
    public void Policy_ImagesAndMedia_OnlyFromTheSiteItself_AndItsPublicOrigin()
    {
        var plain = SecurityHeadersMiddleware.BuildPolicy(new SecurityHeaderOptions(), https: false).Split("; ").ToDictionary(d => d.Split(' ')[0], d => d);
        var withOrigin = SecurityHeadersMiddleware.BuildPolicy(new SecurityHeaderOptions { SiteOrigin = "https://quan11.example.vn" }, https: false)
            .Split("; ").ToDictionary(d => d.Split(' ')[0], d => d);

        Assert.Equal("img-src 'self' data:", plain["img-src"]);
        Assert.Equal("media-src 'self'", plain["media-src"]);
        Assert.Equal("img-src 'self' data: https://quan11.example.vn", withOrigin["img-src"]);
        Assert.Equal("media-src 'self' https://quan11.example.vn", withOrigin["media-src"]);
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
            : response.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage!.RequestUri}: no {name} header");

        var csp = Header("Content-Security-Policy");
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", scriptSrc);
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header("Referrer-Policy"));
        Assert.Equal("SAMEORIGIN", Header("X-Frame-Options"));
        Assert.Contains("camera=()", Header("Permissions-Policy"));
    }
}
