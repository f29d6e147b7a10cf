using System.Text;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Tests.Common;

public sealed class VietnameseTonePlacementTests
{
    [Theory]
    [InlineData("hoà", "hòa")]
    [InlineData("thuý", "thúy")]
    [InlineData("khoẻ", "khỏe")]
    [InlineData("oà", "òa")]
    [InlineData("oé", "óe")]
    [InlineData("uỷ", "ủy")]
    [InlineData("xoã", "xõa")]
    [InlineData("hoạ", "họa")]
    [InlineData("luỹ", "lũy")]
    [InlineData("Hoà bình", "Hòa bình")]
    [InlineData("HOÀ BÌNH", "HÒA BÌNH")]
    [InlineData("Uỷ ban nhân dân", "Ủy ban nhân dân")]
    [InlineData("ThuÝ", "ThúY")] // each letter keeps its own case
    [InlineData("“Hoà”, khoẻ; thuý!", "“Hòa”, khỏe; thúy!")]
    [InlineData("sức khoẻ.", "sức khỏe.")]
    public void NormalizeTonePlacement_NewStyle_MovesMarkToFirstVowel(string text, string expected) =>
        Assert.Equal(expected, VietnameseText.NormalizeTonePlacement(text));

    [Theory]
    [InlineData("hòa")]
    [InlineData("thúy")]
    [InlineData("khỏe")]
    [InlineData("Ủy ban")]
    [InlineData("HÒA")]
    [InlineData("quà")]
    [InlineData("qua")]
    [InlineData("quý")]
    [InlineData("Quỳ")]
    [InlineData("quẻ")]
    [InlineData("gìn")]
    [InlineData("hoàng")]
    [InlineData("thuyết")]
    [InlineData("khuỷu")]
    [InlineData("hoài")]
    [InlineData("ngoáy")]
    [InlineData("khuya")]
    [InlineData("ngoẹo")]
    [InlineData("toét")]
    [InlineData("hoa")]
    [InlineData("tuy")]
    [InlineData("mùa của")]
    [InlineData("thuở")]
    [InlineData("Chỉ thị 05-CT/TW")]
    [InlineData("")]
    public void NormalizeTonePlacement_FixedOrCanonicalPlacement_Unchanged(string text) =>
        Assert.Equal(text, VietnameseText.NormalizeTonePlacement(text));

    [Theory]
    [InlineData("hòa", "hoà")]
    [InlineData("thúy", "thuý")]
    [InlineData("khỏe", "khoẻ")]
    [InlineData("òa", "oà")]
    [InlineData("óe", "oé")]
    [InlineData("ủy", "uỷ")]
    [InlineData("Hòa Bình", "HOÀ BÌNH")]
    public void NormalizeTonePlacement_BothStyles_GiveTheSameWord(string oldStyle, string newStyle) =>
        Assert.Equal(VietnameseText.NormalizeTonePlacement(oldStyle).ToLowerInvariant(), VietnameseText.NormalizeTonePlacement(newStyle).ToLowerInvariant());

    [Fact]
    public void NormalizeTonePlacement_AnyText_KeepsLength()
    {
        const string text = "Hội nghị hoà giải ở khu phố; chúc mọi người khoẻ, uỷ ban thuý.";
        var normalized = VietnameseText.NormalizeTonePlacement(text);
        Assert.Equal(text.Length, normalized.Length);
        Assert.Equal("Hội nghị hòa giải ở khu phố; chúc mọi người khỏe, ủy ban thúy.", normalized);
        Assert.True(normalized.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Slug_BothStyles_SameSlug() =>
        Assert.Equal(Slug.From("Hòa bình, sức khỏe"), Slug.From("Hoà bình, sức khoẻ"));
}
