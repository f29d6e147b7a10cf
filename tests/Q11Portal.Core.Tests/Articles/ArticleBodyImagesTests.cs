using AngleSharp.Html.Parser;
using Q11Portal.Core.Articles.Rendering;
using Q11Portal.Core.Media;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Articles;

public sealed class ArticleBodyImagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Render_LibraryPictureInBody_GetsSizeSrcsetLazyLoadingAndAWebpSource()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        db.MediaFiles.Add(new MediaFile { StoredName = "2024/06/anh", OriginalFileName = "anh.jpg", ContentType = "image/jpeg", Width = 1200, Height = 675, Widths = "480,800,1200", AltText = "Ảnh" });
        await db.SaveChangesAsync(Ct);
        var renderer = new ArticleBodyRenderer([new ArticleBodyImages(db)]);

        var html = await renderer.RenderAsync(
            "<figure class=\"image\"><img src=\"/media/2024/06/anh-800.jpg\" alt=\"Hội nghị\"><figcaption>Hội nghị</figcaption></figure>" +
            "<p><img src=\"/media/2024/06/khong-co-800.jpg\" alt=\"Không có trong thư viện\"></p>",
            new ArticleBodyRenderContext(1), Ct);

        var document = new HtmlParser().ParseDocument(html);
        var known = document.QuerySelector("figure > picture > img")!;
        Assert.Equal(("800", "450"), (known.GetAttribute("width"), known.GetAttribute("height")));
        Assert.Equal(MediaPaths.SrcSet("2024/06/anh", "480,800,1200"), known.GetAttribute("srcset"));
        Assert.Equal(ArticleBodyImages.Sizes, known.GetAttribute("sizes"));
        Assert.Equal("lazy", known.GetAttribute("loading"));
        var source = document.QuerySelector("figure > picture > source[type='image/webp']")!;
        Assert.Equal("/media/2024/06/anh-240.webp 240w, /media/2024/06/anh-480.webp 480w, /media/2024/06/anh-800.webp 800w, /media/2024/06/anh-1200.webp 1200w", source.GetAttribute("srcset"));
        Assert.Equal("Hội nghị", document.QuerySelector("figure > figcaption")!.TextContent);

        var unknown = document.QuerySelector("p > img")!;
        Assert.Equal("lazy", unknown.GetAttribute("loading"));
        Assert.Null(unknown.GetAttribute("srcset"));
        Assert.Single(document.QuerySelectorAll("picture"));
    }
}
