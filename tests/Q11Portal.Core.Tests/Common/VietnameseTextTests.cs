using System.Text;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Tests.Common;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Đảng bộ Quận 11", "dang-bo-quan-11")]
    [InlineData("Tin tức – Sự kiện!", "tin-tuc-su-kien")]
    [InlineData("  Học tập và làm theo Bác  ", "hoc-tap-va-lam-theo-bac")]
    [InlineData("Chỉ thị 05-CT/TW", "chi-thi-05-ct-tw")]
    [InlineData("Y tế - Sức khỏe", "y-te-suc-khoe")]
    [InlineData("ĐẠI HỘI ĐOÀN", "dai-hoi-doan")]
    [InlineData("!!!", "")]
    public void From_VietnameseTitle_GivesAsciiSlug(string title, string expected) =>
        Assert.Equal(expected, Slug.From(title));

    [Fact]
    public void From_DecomposedInput_GivesSameSlugAsComposed()
    {
        var composed = "Phường 14 tổ chức lễ ra quân";
        Assert.Equal(Slug.From(composed), Slug.From(composed.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void From_VeryLongTitle_IsCutAtAWordBoundary()
    {
        var slug = Slug.From(string.Join(' ', Enumerable.Repeat("phường", 60)));
        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.False(slug.EndsWith('-'));
        Assert.EndsWith("phuong", slug);
    }

    [Theory]
    [InlineData("Đường", "duong")]
    [InlineData("HỌC TẬP", "hoc tap")]
    [InlineData("Nguyễn Thị Ánh", "nguyen thi anh")]
    public void Fold_RemovesMarksAndLowersCase(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Nfc_ComposesDecomposedText()
    {
        var decomposed = "Bình luận".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Bình luận", decomposed);
        Assert.Equal("Bình luận", VietnameseText.Nfc(decomposed));
    }

    [Fact]
    public void DayRangeUtc_LocalMidnightIsSevenHoursEarlierInUtc()
    {
        var (start, end) = LocalTime.DayRangeUtc(new DateOnly(2024, 6, 1));
        Assert.Equal(new DateTime(2024, 5, 31, 17, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(TimeSpan.FromDays(1), end - start);
        Assert.Equal(new DateOnly(2024, 6, 1), LocalTime.LocalDay(new DateTime(2024, 5, 31, 17, 30, 0, DateTimeKind.Utc)));
    }
}
