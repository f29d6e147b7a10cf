using Q11Portal.Core.Media;

namespace Q11Portal.Core.Tests.Media;

public sealed class UploadNameTests
{
    [Theory]
    [InlineData("Ảnh hội nghị.jpg", ".jpg", "Ảnh hội nghị.jpg")]
    [InlineData("Ho\u0300a bi\u0300nh.png", ".png", "Hòa bình.png")]
    [InlineData("anh.php.jpg", ".jpg", "anh-php.jpg")]
    [InlineData("x.aspx", ".png", "x.png")]
    [InlineData("shell.php", ".jpg", "shell.jpg")]
    [InlineData("trang.html", ".gif", "trang.gif")]
    [InlineData("web.config", ".pdf", "web.pdf")]
    [InlineData(".htaccess", ".jpg", "htaccess.jpg")]
    [InlineData("C:\\Users\\an\\Desktop\\báo cáo.pdf", ".pdf", "báo cáo.pdf")]
    [InlineData("../../etc/passwd", ".pdf", "passwd.pdf")]
    [InlineData("CON", ".pdf", "tep-CON.pdf")]
    [InlineData("con.txt", ".pdf", "tep-con.pdf")]
    [InlineData("LPT9.docx", ".docx", "tep-LPT9.docx")]
    [InlineData("nul", ".jpg", "tep-nul.jpg")]
    [InlineData("COM10.pdf", ".pdf", "COM10.pdf")]
    [InlineData("ảnh\0.jpg", ".jpg", "ảnh.jpg")]
    [InlineData("tai-lieu\u202Egpj.exe", ".pdf", "tai-lieugpj.pdf")]
    [InlineData("\u2066a\u2069\u200Fb.jpg", ".jpg", "ab.jpg")]
    [InlineData("a<b>c:d|e?f*g\".jpg", ".jpg", "a-b-c-d-e-f-g.jpg")]
    [InlineData("  nhiều    khoảng   trắng .jpg", ".jpg", "nhiều khoảng trắng.jpg")]
    [InlineData("???.pdf", ".pdf", "tep-tai-len.pdf")]
    [InlineData("", ".jpg", "tep-tai-len.jpg")]
    [InlineData(null, ".jpg", "tep-tai-len.jpg")]
    [InlineData("\u200B\u0301.jpg", ".jpg", "tep-tai-len.jpg")]
    [InlineData("BÁO CÁO.PDF", ".PDF", "BÁO CÁO.pdf")]
    public void For_SentName_IsASafeBaseWithTheDetectedExtension(string? sent, string extension, string expected) =>
        Assert.Equal(expected, UploadName.For(sent, extension));

    [Fact]
    public void For_VeryLongName_IsLimitedWithoutSplittingACharacter()
    {
        var name = UploadName.For(string.Concat(Enumerable.Repeat("Đ\U0001F600", 200)) + ".jpg", ".jpg");

        Assert.True(name.Length <= UploadName.MaxBaseLength + 4);
        Assert.EndsWith(".jpg", name);
        Assert.DoesNotContain('\uFFFD', name);
        Assert.False(char.IsHighSurrogate(name[^5]));
    }

    [Theory]
    [InlineData("bao-cao.PDF", ".pdf")]
    [InlineData("a.b.docx", ".docx")]
    [InlineData("khong-co-duoi", "")]
    [InlineData("gpj\u202E.pdf", ".pdf")]
    public void SentExtension_IsTheLastExtensionLowerCased(string sent, string expected) =>
        Assert.Equal(expected, UploadName.SentExtension(sent));
}
