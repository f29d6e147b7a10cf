using Q11Portal.Core.Comments;

namespace Q11Portal.Core.Tests.Comments;

public sealed class CommentTextTests
{
    [Theory]
    [InlineData("  Xin chào  ", "Xin chào")]
    [InlineData("a\0b", "ab")]
    [InlineData("abc\u202Egpj.exe", "abcgpj.exe")]
    [InlineData("x\u2066y\u2069z\u200B!", "xyz!")]
    [InlineData("dòng 1\r\ndòng 2\rdòng 3", "dòng 1\ndòng 2\ndòng 3")]
    [InlineData("a\n\n\n\n\nb", "a\n\nb")]
    [InlineData("tab\there   \nnext", "tab here\nnext")]
    [InlineData("<script>alert(1)</script>", "<script>alert(1)</script>")]
    [InlineData("\uFEFF\u0007bell", "bell")]
    [InlineData("emoji 👍🏽 và \u200Djoiner", "emoji 👍🏽 và \u200Djoiner")]
    public void CleanBody_RemovesInvisibleAndKeepsText(string raw, string expected) =>
        Assert.Equal(expected, CommentText.CleanBody(raw));

    [Fact]
    public void CleanBody_LoneSurrogate_BecomesReplacementCharacter()
    {
        var raw = "lone " + '\uD800' + " surrogate " + '\uDC00';
        Assert.Equal("lone \uFFFD surrogate \uFFFD", CommentText.CleanBody(raw));
    }

    [Fact]
    public void CleanBody_DecomposedVietnamese_IsComposed()
    {
        var decomposed = "Nguyễn Thị Hoà".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal("Nguyễn Thị Hoà", CommentText.CleanBody(decomposed));
        Assert.True(CommentText.CleanBody(decomposed).IsNormalized(System.Text.NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("  Nguyễn \n Văn\tA ", "Nguyễn Văn A")]
    [InlineData("\u202Enimda", "nimda")]
    [InlineData(null, "")]
    public void CleanLine_CollapsesWhitespace(string? raw, string expected) =>
        Assert.Equal(expected, CommentText.CleanLine(raw));

    [Theory]
    [InlineData("ban.doc@example.vn", true)]
    [InlineData("a@b.co", true)]
    [InlineData("khong-phai-email", false)]
    [InlineData("a@b", false)]
    [InlineData("Tên <a@b.vn>", false)]
    [InlineData("a@b.vn, c@d.vn", false)]
    [InlineData("a b@c.vn", false)]
    public void IsValidEmail_AcceptsOnlyPlainAddresses(string email, bool valid) =>
        Assert.Equal(valid, CommentText.IsValidEmail(email));

    [Theory]
    [InlineData("Không có liên kết nào, chỉ số 05-CT/TW.", 0)]
    [InlineData("Xem https://example.com/a và http://x.org", 2)]
    [InlineData("vào www.spam.example nhé", 1)]
    [InlineData("mua tại banhang.vn hoặc shop.xyz/giam-gia", 2)]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", 1)]
    [InlineData("Đạt 95,5% kế hoạch năm 2024.", 0)]
    public void CountLinks_FindsSchemesWwwAndDomains(string text, int expected) =>
        Assert.Equal(expected, CommentText.CountLinks(text));
}
