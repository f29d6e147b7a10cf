using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Site;

/// <summary>What Lighthouse found, held deterministically on the demo site: compressed answers (Brotli and gzip),
/// fingerprinted static files kept for a year, and pictures with their size and a WebP source.</summary>
public sealed partial class PageWeightTests : IAsyncLifetime
{
    private PortalAppFactory app = null!;
    private string articlePath = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        app = await PortalAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Database:SeedDemo"] = "true" });
        var home = await GetDocumentAsync("/");
        articlePath = home.QuerySelector(".featured__title a")!.GetAttribute("href")!;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task PublicAnswers_AcceptEncoding_AreCompressedAndDecodeToThePage(string encoding)
    {
        foreach (var path in new[] { "/", articlePath, "/chuyen-muc/chinh-quyen", "/rss" })
        {
            var plain = await GetBytesAsync(path, null);
            var (compressed, contentEncoding, vary) = await GetEncodedAsync(path, encoding);

            Assert.True(contentEncoding == encoding, $"{path}: Content-Encoding '{contentEncoding}'");
            Assert.Contains("Accept-Encoding", vary);
            var decoded = Decode(compressed, encoding);
            Assert.True(compressed.Length < decoded.Length, $"{path}: {compressed.Length} compressed bytes for {decoded.Length}");
            // Counters and cache ages may differ between two renderings; the page itself must be the same size class.
            Assert.InRange(decoded.Length, plain.Length * 0.9, plain.Length * 1.1);
        }
    }

    [Fact]
    public async Task LayoutAssets_AreFingerprintedImmutableAndPrecompressed()
    {
        var urls = new List<string>();
        foreach (var path in new[] { "/", articlePath, "/dang-nhap" })
        {
            var document = await GetDocumentAsync(path);
            urls.AddRange(document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!));
            urls.AddRange(document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!));
        }

        Assert.NotEmpty(urls);
        foreach (var url in urls.Distinct())
        {
            Assert.Matches(Fingerprinted(), url);
            using var client = app.CreateClient();
            foreach (var encoding in new[] { "br", "gzip" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
                using var response = await client.SendAsync(request, Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var cacheControl = response.Headers.CacheControl!;
                Assert.True(cacheControl.MaxAge >= TimeSpan.FromDays(365) && cacheControl.Extensions.Any(e => e.Name == "immutable"), $"{url}: Cache-Control {cacheControl}");
                Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
                Assert.NotNull(response.Headers.ETag);
            }
        }
    }

    [Fact]
    public async Task UnversionedAsset_IsKeptBrieflyNotForAYear()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/css/site.css", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cacheControl = response.Headers.CacheControl!;
        Assert.Equal(TimeSpan.FromHours(1), cacheControl.MaxAge);
        Assert.DoesNotContain(cacheControl.Extensions, e => e.Name == "immutable");
    }

    [Fact]
    public async Task Https_PageWithAFormToken_IsNotCompressedButAReadingPageIs()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        Assert.Null(await EncodingOverAsync(client, "/dang-nhap"));
        Assert.Equal("br", await EncodingOverAsync(client, "/"));
    }

    [Fact]
    public async Task ReadingPages_Images_HaveSizeLazyLoadingAndAWebpSource()
    {
        foreach (var path in new[] { "/", articlePath, "/chuyen-muc/chinh-quyen" })
        {
            var document = await GetDocumentAsync(path);
            var images = document.QuerySelectorAll("img").ToList();
            Assert.NotEmpty(images);
            foreach (var img in images)
            {
                var html = img.OuterHtml;
                Assert.True(int.TryParse(img.GetAttribute("width"), out var w) && w > 0 && int.TryParse(img.GetAttribute("height"), out var h) && h > 0, $"{path}: {html}");
                Assert.True(img.GetAttribute("fetchpriority") == "high" || img.GetAttribute("loading") == "lazy", $"{path}: neither lazy nor the main picture: {html}");
                if (img.GetAttribute("src")!.StartsWith("/media/", StringComparison.Ordinal))
                {
                    var source = img.ParentElement?.LocalName == "picture" ? img.ParentElement.QuerySelector("source[type='image/webp']") : null;
                    Assert.True(source is not null, $"{path}: no WebP source for {html}");
                    Assert.All(source!.GetAttribute("srcset")!.Split(", "), candidate => Assert.Matches(@"^/media/\S+-\d+\.webp \d+w$", candidate));
                }
            }

            var eager = images.Count(i => i.GetAttribute("fetchpriority") == "high");
            Assert.True(eager == (path == "/chuyen-muc/chinh-quyen" ? 0 : 1), $"{path}: {eager} pictures fetched first");
        }

        var body = (await GetDocumentAsync(articlePath)).QuerySelectorAll(".article-body img").ToList();
        Assert.NotEmpty(body);
        Assert.All(body, img => Assert.Equal("picture", img.ParentElement!.LocalName));
        Assert.All(body, img => Assert.False(string.IsNullOrEmpty(img.GetAttribute("srcset"))));
    }

    [Fact]
    public async Task WebpRendition_MadeOnFirstRequest_OnlyForWidthsPagesUse()
    {
        var document = await GetDocumentAsync("/");
        var srcset = document.QuerySelector(".featured picture source")!.GetAttribute("srcset")!;
        var thumbnail = srcset.Split(", ")[0].Split(' ')[0];
        Assert.EndsWith("-240.webp", thumbnail);
        using var client = app.CreateClient();

        var bytes = await client.GetByteArrayAsync(thumbnail, Ct);
        using var odd = await client.GetAsync(thumbnail.Replace("-240.webp", "-333.webp", StringComparison.Ordinal), Ct);

        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal("WEBP", System.Text.Encoding.ASCII.GetString(bytes, 8, 4));
        Assert.Equal(HttpStatusCode.NotFound, odd.StatusCode);
    }

    private async Task<IHtmlDocument> GetDocumentAsync(string path)
    {
        using var client = app.CreateClient();
        var html = await client.GetStringAsync(path, Ct);
        return new HtmlParser().ParseDocument(html);
    }

    private async Task<byte[]> GetBytesAsync(string path, string? encoding) => (await GetEncodedAsync(path, encoding)).Body;

    private async Task<(byte[] Body, string? Encoding, string Vary)> GetEncodedAsync(string path, string? encoding)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (encoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        }

        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsByteArrayAsync(Ct), response.Content.Headers.ContentEncoding.SingleOrDefault(), string.Join(",", response.Headers.Vary));
    }

    private static async Task<string?> EncodingOverAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Content.Headers.ContentEncoding.SingleOrDefault();
    }

    /// <summary>A body as the browser reads it under its Content-Encoding (br or gzip).</summary>
    internal static byte[] Decode(byte[] bytes, string encoding)
    {
        using var input = new MemoryStream(bytes);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>"/css/site.0ws4jlxeyd.css": MapStaticAssets' fingerprint in the file name, no query string.</summary>
    [GeneratedRegex(@"^/[\w/\-.]+\.[a-z0-9]{8,}\.(css|js)$")]
    private static partial Regex Fingerprinted();
}
