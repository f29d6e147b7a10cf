using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Site;

/// <summary>The portal as the README's <c>dotnet run</c> starts it (Development): every stylesheet and script of the
/// layout decodes to the file in wwwroot under the encoding it is labelled with. MapStaticAssets' development patching
/// labelled a gzip body "br" and the browser dropped the site's styles.</summary>
public sealed class DevelopmentStaticAssetsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InDevelopment_LayoutAssets_DecodeToTheirFile_UnderTheirContentEncoding()
    {
        await using var app = await PortalAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["environment"] = "Development" });
        using var client = app.CreateClient();
        var home = await client.GetStringAsync("/", Ct);
        var assets = System.Text.RegularExpressions.Regex.Matches(home, "(?:href|src)=\"(/(?:css|js)/[^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(assets);

        var webRoot = app.Services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        foreach (var url in assets)
        {
            foreach (var encoding in new[] { "br", "gzip" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
                using var response = await client.SendAsync(request, Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
                var body = PageWeightTests.Decode(await response.Content.ReadAsByteArrayAsync(Ct), encoding);
                Assert.True(body.Length > 0, $"{url} ({encoding}) decoded to nothing");
                var file = webRoot.GetFileInfo(Unfingerprinted(url));
                Assert.True(file.Exists, $"{url}: no {Unfingerprinted(url)} in wwwroot");
                Assert.Equal(await File.ReadAllBytesAsync(file.PhysicalPath!, Ct), body);
            }
        }
    }

    /// <summary>"/css/site.xm39ei3lrj.css" → "/css/site.css".</summary>
    private static string Unfingerprinted(string url)
    {
        var name = Path.GetFileName(url);
        var parts = name.Split('.');
        return url[..^name.Length] + string.Join('.', parts.Where((_, i) => i != parts.Length - 2));
    }
}
