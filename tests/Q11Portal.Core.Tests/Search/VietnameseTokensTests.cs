using Q11Portal.Core.Search;

namespace Q11Portal.Core.Tests.Search;

public sealed class VietnameseTokensTests
{
    private static string Stream(string text, bool folded = false) => string.Join(" ", VietnameseTokens.Terms(text, folded));

    [Theory]
    // Exact and folded forms of every syllable, then the bigram in both forms.
    [InlineData("Học tập", "học hoc học_tập hoc_tap tập tap")]
    [InlineData("Đảng viên", "đảng dang đảng_viên dang_vien viên vien")]
    // Text typed without marks yields one form only.
    [InlineData("hoc tap", "hoc hoc_tap tap")]
    // NFD input gives the same terms as NFC.
    [InlineData("Ho\u0323c tâ\u0323p", "học hoc học_tập hoc_tap tập tap")]
    // Stop words are not terms alone but still form bigrams with their neighbours.
    [InlineData("làm theo Bác", "làm lam làm_theo lam_theo theo_bác theo_bac bác bac")]
    [InlineData("của các", "")]
    // Old-style tone placement gives the canonical exact forms, so "hoà" and "hòa" are one term.
    [InlineData("Hoà bình", "hòa hoa hòa_bình hoa_binh bình binh")]
    [InlineData("hòa bình", "hòa hoa hòa_bình hoa_binh bình binh")]
    // Punctuation ends a clause: no bigram across it.
    [InlineData("Tân Phú, Quận 6", "tân tan tân_phú tan_phu phú phu quận quan quận_6 quan_6 6")]
    public void Terms_VietnameseText_GivesExactFoldedAndBigramTerms(string text, string expected) =>
        Assert.Equal(expected, Stream(text));

    [Theory]
    [InlineData("Chỉ thị 05-CT/TW", "05-ct/tw")]
    [InlineData("Kết luận 01-KL/TW", "01-kl/tw")]
    [InlineData("Quy định 144-QĐ/TW", "144-qđ/tw")]
    [InlineData("Quy định 144-QĐ/TW", "144-qd/tw")]
    [InlineData("Nghị định 100/2019/NĐ-CP", "100/2019/nđ-cp")]
    [InlineData("Chỉ thị 05/CT-UBND", "05/ct-ubnd")]
    [InlineData("hơn 5.000 vận động viên", "5.000")]
    [InlineData("Ngày 11-6", "11-6")]
    public void Terms_DocumentNumbersAndFigures_AreKeptWhole(string text, string expected) =>
        Assert.Contains(expected, VietnameseTokens.Terms(text));

    [Theory]
    [InlineData("Chỉ thị 05-CT/TW", "05")]
    [InlineData("Nghị định 100/2019/NĐ-CP", "100")]
    [InlineData("Nghị định 100/2019/NĐ-CP", "2019")]
    public void Terms_DocumentNumbers_AlsoGiveTheirNumbers(string text, string expected) =>
        Assert.Contains(expected, VietnameseTokens.Terms(text));

    [Theory]
    [InlineData("Chỉ thị 05-CT/TW", "ct")]
    [InlineData("Chỉ thị 05-CT/TW", "tw")]
    [InlineData("xanh-sạch-đẹp", "xanh-sạch-đẹp")]
    public void Terms_CodesAndHyphenatedWords_DoNotLeakFragments(string text, string unexpected) =>
        Assert.DoesNotContain(unexpected, VietnameseTokens.Terms(text));

    [Theory]
    [InlineData("Đường Lê Đại Hành", "duong duong_le le le_dai dai dai_hanh hanh")]
    [InlineData("Học tập", "hoc hoc_tap tap")]
    public void Terms_FoldedMode_KeepsOnlyFoldedForms(string text, string expected) =>
        Assert.Equal(expected, Stream(text, folded: true));

    [Fact]
    public void Analyze_Offsets_PointAtTheNfcText()
    {
        const string text = "Quận 4 ra mắt không gian";
        foreach (var token in VietnameseTokens.Analyze(text))
        {
            var original = text[token.Start..token.End].ToLowerInvariant();
            var expected = token.Kind == VietnameseTokenKind.Bigram ? original.Replace(' ', '_') : original;
            Assert.True(token.Term == expected || token.Term == Core.Common.VietnameseText.Fold(expected), $"{token.Term} vs {original}");
        }
    }

    [Fact]
    public void Analyze_ExactAndFoldedForms_ShareOnePosition()
    {
        var tokens = VietnameseTokens.Analyze("học tập");
        Assert.Equal([0, 0, 0, 0, 1, 1], tokens.Select(t => t.Position));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ??? ...")]
    [InlineData(null)]
    public void Terms_NothingSearchable_IsEmpty(string? text) => Assert.Empty(VietnameseTokens.Terms(text));
}
