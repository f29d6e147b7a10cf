using Q11Portal.Core.Articles;

namespace Q11Portal.Core.Tests.Articles;

public sealed class ImageAltTextTests
{
    [Theory]
    [InlineData("<p>Không có ảnh</p>", 0)]
    [InlineData("<figure><img src=\"/media/a-800.jpg\" alt=\"Lễ khai mạc\"></figure>", 0)]
    [InlineData("<img src=\"/media/a-800.jpg\">", 1)]
    [InlineData("<img src=\"/media/a-800.jpg\" alt=\"\">", 1)]
    [InlineData("<img src=\"/media/a-800.jpg\" alt=\"   \"><img src=\"/b.jpg\" alt=\"Ảnh B\"><img src=\"/c.jpg\">", 2)]
    [InlineData("", 0)]
    [InlineData(null, 0)]
    public void ImagesWithoutAlt_CountsImagesWithNoUsableText(string? html, int expected) =>
        Assert.Equal(expected, ImageAltText.ImagesWithoutAlt(html).Count);

    [Fact]
    public void Check_NamesTheFilesToFix_InVietnamese()
    {
        var message = ImageAltText.Check("<p>x</p><img src=\"/media/2024/06/hoi-nghi-800.jpg?v=1\"><img src=\"/ok.jpg\" alt=\"Được\">");

        Assert.NotNull(message);
        Assert.Contains("1 ảnh", message);
        Assert.Contains("“hoi-nghi-800.jpg”", message);
        Assert.Contains("lời mô tả", message);
        Assert.Null(ImageAltText.Check("<img src=\"/ok.jpg\" alt=\"Được\">"));
    }
}
