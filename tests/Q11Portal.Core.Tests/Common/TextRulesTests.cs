using Q11Portal.Core.Common;

namespace Q11Portal.Core.Tests.Common;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("  Hội nghị   sơ kết  ", "Hội nghị sơ kết")]
    [InlineData("Ho\u0300a bi\u0300nh", "Hòa bình")]
    [InlineData("Tin\u202E gnp.exe", "Tin gnp.exe")]
    [InlineData("\u2066Quận 11\u2069", "Quận 11")]
    [InlineData("a\u200Eb\u200Fc\u061Cd\u202Ae\u202Bf\u202Cg\u202Dh\u2067i\u2068j", "abcdefghij")]
    [InlineData("Dòng một\r\nDòng\thai\0", "Dòng một Dòng hai")]
    [InlineData("\u00A0Tiêu đề\u00A0", "Tiêu đề")]
    [InlineData(null, "")]
    public void Line_Text_IsNfcTrimmedAndWithoutBidiControls(string? input, string expected) =>
        Assert.Equal(expected, TextRules.Line(input));

    [Theory]
    [InlineData("Quận 11", true)]
    [InlineData("2026", true)]
    [InlineData("đ", true)]
    [InlineData("中文", true)]
    [InlineData("\U0001D400", true)]
    [InlineData("", false)]
    [InlineData("   \t\n", false)]
    [InlineData("\u200B\u200C\u200D\u2060\uFEFF", false)]
    [InlineData("\u0301\u0300\u0323", false)]
    [InlineData("\u20DD\u20DE", false)]
    [InlineData("\u202E\u2066\u200F", false)]
    [InlineData("\u0001\u001F", false)]
    [InlineData("...!?—", false)]
    public void HasVisible_Text_IsTrueOnlyWithALetterOrDigit(string input, bool expected) =>
        Assert.Equal(expected, TextRules.HasVisible(input));

    [Theory]
    [InlineData("Tiêu đề", "Hội nghị", null)]
    [InlineData("Tiêu đề", "", "Hãy nhập tiêu đề.")]
    [InlineData("Họ tên", "\u200B\u0301", "Họ tên phải có chữ hoặc số nhìn thấy được (không chỉ gồm khoảng trắng, ký tự ẩn hay dấu).")]
    public void Required_Field_NamesTheFieldInVietnamese(string field, string cleaned, string? expected) =>
        Assert.Equal(expected, TextRules.Required(field, cleaned));

    [Theory]
    [InlineData("<p>Nội dung</p>", true)]
    [InlineData("<p><img src=\"/uploads/2026/06/a-800.jpg\" alt=\"Ảnh\"></p>", true)]
    [InlineData("<table><tr><td>5</td></tr></table>", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("<p></p><p>&nbsp;</p><br>", false)]
    [InlineData("<p>\u200B\u200D</p><p>\u0301</p>", false)]
    [InlineData("<p>&#8203;&#8238;</p>", false)]
    [InlineData("<hr><p> </p>", false)]
    public void BodyHasContent_SanitizedHtml_NeedsVisibleTextOrAnImage(string? html, bool expected) =>
        Assert.Equal(expected, TextRules.BodyHasContent(html));

    [Fact]
    public void BodyProblem_EmptyBody_IsAVietnameseRefusal() =>
        Assert.Contains("Nội dung bài viết đang trống", TextRules.BodyProblem("<p> </p>"));
}
