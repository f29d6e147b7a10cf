using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.Tests.Caching;

/// <summary>Last good copies are kept as they were sent, one per encoding; a reader whose encoding has none gets the
/// uncompressed one rather than a 503.</summary>
public sealed class PublicPageStaleCopiesTests
{
    private static string KeyFor(IServiceProvider services, string path, string? acceptEncoding)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Path = path;
        if (acceptEncoding is not null)
        {
            context.Request.Headers.AcceptEncoding = acceptEncoding;
        }

        return PublicPageStaleCopies.KeyOf(context.Request);
    }

    [Fact]
    public async Task KeyedByEncoding_AndAReaderWithoutACopyOfTheirsGetsTheUncompressedOne()
    {
        await using var app = await Infrastructure.PortalAppFactory.CreateAsync();
        using var scope = app.Services.CreateScope();
        var copies = new PublicPageStaleCopies(Options.Create(new PublicPageCacheOptions()), TimeProvider.System);
        var brotli = KeyFor(scope.ServiceProvider, "/chuyen-muc/x", "gzip, deflate, br");
        var gzip = KeyFor(scope.ServiceProvider, "/chuyen-muc/x", "gzip");
        var none = KeyFor(scope.ServiceProvider, "/chuyen-muc/x", null);

        Assert.Equal(3, new[] { brotli, gzip, none }.Distinct().Count());
        Assert.False(copies.TryGet(brotli, out _));

        copies.Store(none, copies.NewCopy("text/html; charset=utf-8", null, [1, 2, 3]));
        copies.Store(brotli, copies.NewCopy("text/html; charset=utf-8", "br", [4, 5]));

        Assert.True(copies.TryGet(brotli, out var forBrotli));
        Assert.Equal("br", forBrotli.ContentEncoding);
        Assert.True(copies.TryGet(gzip, out var forGzip));
        Assert.Null(forGzip.ContentEncoding);
        Assert.Equal([1, 2, 3], forGzip.Body);
    }
}
