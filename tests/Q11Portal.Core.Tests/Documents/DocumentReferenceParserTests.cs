using Q11Portal.Core.Documents;

namespace Q11Portal.Core.Tests.Documents;

public sealed class DocumentReferenceParserTests
{
    [Theory]
    // Kind by name, with and without "số", exact and folded, number with and without its symbol, either separator.
    [InlineData("Chỉ thị số 05-CT/TW", "ct:5:tw")]
    [InlineData("chi thi so 05-ct/tw", "ct:5:tw")]
    [InlineData("Chỉ thị 05-CT/TW", "ct:5:tw")]
    [InlineData("Chỉ thị 05/CT-TW", "ct:5:tw")]
    [InlineData("chi thi 05/ct-tw", "ct:5:tw")]
    [InlineData("Chỉ thị 05", "ct:5")]
    [InlineData("chi thi 05", "ct:5")]
    [InlineData("chỉ thị số 05", "ct:5")]
    [InlineData("CHI THI SO 5", "ct:5")]
    [InlineData("Kết luận số 01-KL/TW", "kl:1:tw")]
    [InlineData("ket luan 01", "kl:1")]
    [InlineData("Quyết định số 500-QĐ/QU", "qd:500:qu")]
    [InlineData("quyet dinh 500-qd/qu", "qd:500:qu")]
    [InlineData("Quyết định 500/QĐ-QU", "qd:500:qu")]
    [InlineData("Quy định 144-QĐ/TW", "qd:144:tw")]
    [InlineData("Quy định số 144-QĐi/TW", "qd:144:tw")]
    [InlineData("Nghị quyết 57-NQ/TW", "nq:57:tw")]
    [InlineData("nghi quyet 57", "nq:57")]
    [InlineData("Kế hoạch số 123-KH/QU", "kh:123:qu")]
    [InlineData("Đề án 06", "da:6")]
    [InlineData("de an so 06", "da:6")]
    [InlineData("Hướng dẫn 12-HD/BTGTW", "hd:12:btgtw")]
    [InlineData("Thông báo số 45-TB/QU", "tb:45:qu")]
    [InlineData("Công văn số 17/UBND-VX", "cv:17")]
    [InlineData("Chương trình số 35-CTr/QU", "ctr:35:qu")]
    [InlineData("Nghị định 100/2019/NĐ-CP", "nd:100:cp")]
    [InlineData("nghi dinh 100/2019/nd-cp", "nd:100:cp")]
    // Abbreviated kinds, any case in a query.
    [InlineData("CT 05", "ct:5")]
    [InlineData("ct 05", "ct:5")]
    [InlineData("CT05", "ct:5")]
    [InlineData("ct số 05", "ct:5")]
    [InlineData("NQ 57", "nq:57")]
    [InlineData("KL 01", "kl:1")]
    [InlineData("QĐ 500", "qd:500")]
    [InlineData("qd 500", "qd:500")]
    [InlineData("QĐi 144", "qd:144")]
    [InlineData("KH 123", "kh:123")]
    [InlineData("HD 12", "hd:12")]
    [InlineData("TB 45", "tb:45")]
    // A bare symbol.
    [InlineData("05-CT/TW", "ct:5:tw")]
    [InlineData("05/CT-TW", "ct:5:tw")]
    [InlineData("05/ct-ubnd", "ct:5:ubnd")]
    [InlineData("144-QĐ/TW", "qd:144:tw")]
    [InlineData("05-CT-TW", "ct:5:tw")]
    // The issuer typed as a word of its own, a State document's year without its symbol.
    [InlineData("CT 05 TW", "ct:5:tw")]
    [InlineData("CT 05/TW", "ct:5:tw")]
    [InlineData("chi thi so 05 UBND quan 12", "ct:5:ubnd")]
    [InlineData("Chỉ thị 05 Quận ủy", "ct:5")]
    [InlineData("NĐ 100/2019", "nd:100")]
    [InlineData("nghi dinh 100/2019", "nd:100")]
    [InlineData("Nghị định số 100/2019/NĐ-CP", "nd:100:cp")]
    // A leading zero numbers a document; "năm" before a year dates it.
    [InlineData("sơ kết Kết luận 01 năm 2024", "kl:1")]
    [InlineData("Chỉ thị 5 năm 2024", "ct:5")]
    public void ParseQuery_EveryWrittenForm_GivesTheNormalisedKey(string query, string key)
    {
        var reference = Assert.Single(DocumentReferenceParser.ParseQuery(query));
        Assert.Equal(key, reference.Key);
    }

    [Theory]
    [InlineData("kế hoạch 5 năm")]
    [InlineData("kế hoạch 5 năm 2021-2025")]
    [InlineData("kế hoạch năm 2024")]
    [InlineData("Kế hoạch 2024 của phường")]
    [InlineData("chỉ thị của Bộ Chính trị")]
    [InlineData("Nghị quyết Trung ương 4")]
    [InlineData("ngày 18-5-2016")]
    [InlineData("đạt 5.000 người")]
    [InlineData("công tác")]
    public void ParseQuery_NoDocument_GivesNothing(string query) =>
        Assert.Empty(DocumentReferenceParser.ParseQuery(query));

    [Fact]
    public void FindAll_ArticleText_FindsEveryReferenceWithItsSpan()
    {
        const string text = "Qua 5 năm thực hiện Chỉ thị 05-CT/TW và Kết luận số 01-KL/TW, gắn với Quyết định số 500-QĐ/QU ngày 18-5-2016; "
            + "các chi bộ học Chỉ thị 05 theo 05/CT-UBND của phường.";
        var found = DocumentReferenceParser.FindAll(text);
        Assert.Equal(["ct:5:tw", "kl:1:tw", "qd:500:qu", "ct:5", "ct:5:ubnd"], found.Select(f => f.Reference.Key));
        Assert.Equal("Chỉ thị 05-CT/TW", text.Substring(found[0].Start, found[0].Length));
        Assert.Equal("Kết luận số 01-KL/TW", text.Substring(found[1].Start, found[1].Length));
        Assert.Equal("05/CT-UBND", text.Substring(found[4].Start, found[4].Length));
    }

    [Fact]
    public void FindAll_LowerCaseAbbreviationInArticleText_IsNotAReference()
    {
        Assert.Empty(DocumentReferenceParser.FindAll("nhóm ct 5 người"));
        Assert.Equal("ct:5", Assert.Single(DocumentReferenceParser.FindAll("theo CT 05 của Bộ Chính trị")).Reference.Key);
    }

    [Fact]
    public void FindAll_IssuerAsAWordInArticleText_IsNotTakenAsTheIssuer()
    {
        Assert.Equal("ct:5", Assert.Single(DocumentReferenceParser.FindAll("Chỉ thị 05 TW đã nêu")).Reference.Key);
        Assert.Equal("nd:100", Assert.Single(DocumentReferenceParser.FindAll("xử phạt theo Nghị định 100/2019 của Chính phủ")).Reference.Key);
    }

    [Fact]
    public void FindAll_SameNumberOtherKindOrIssuer_GivesDifferentKeysSharingTheNumber()
    {
        var keys = DocumentReferenceParser.ParseQuery("Chỉ thị 05-CT/TW, Nghị quyết 05-NQ/TW, Chỉ thị 05/CT-UBND");
        Assert.Equal(["ct:5:tw", "nq:5:tw", "ct:5:ubnd"], keys.Select(k => k.Key));
        Assert.All(keys, k => Assert.Equal("#5", k.NumberKey));
    }

    [Theory]
    [InlineData("ct", "05-CT/TW", "ct:5:tw")]
    [InlineData("ct", "05/CT-TW", "ct:5:tw")]
    [InlineData("qdi", "144-QĐ/TW", "qd:144:tw")]
    [InlineData("kl", "01", "kl:1")]
    [InlineData("cv", "17/UBND-VX", "cv:17")]
    public void ForDocument_EditorSymbol_GivesTheDocumentsKey(string kind, string symbol, string key) =>
        Assert.Equal(key, DocumentReferenceParser.ForDocument(kind, symbol)!.Key);

    [Fact]
    public void Names_ReferenceWithoutIssuer_NamesEveryIssuerButNotAnotherKind()
    {
        var query = DocumentReferenceParser.ParseQuery("chi thi 05")[0];
        Assert.True(query.Names(DocumentReferenceParser.ForDocument("ct", "05-CT/TW")!));
        Assert.True(query.Names(DocumentReferenceParser.ForDocument("ct", "05/CT-UBND")!));
        Assert.False(query.Names(DocumentReferenceParser.ForDocument("nq", "05-NQ/TW")!));
        Assert.False(DocumentReferenceParser.ParseQuery("05-CT/TW")[0].Names(DocumentReferenceParser.ForDocument("ct", "05/CT-UBND")!));
    }

    [Fact]
    public void FindAll_LongWhiteSpaceAfterKindWords_TakesLinearTime()
    {
        // "đã" folds to "da" (Đề án's abbreviation): a body with long runs of spaces after it once backtracked quadratically.
        var text = string.Concat(Enumerable.Repeat("đã" + new string(' ', 20_000) + "xong. ", 10)) + "Chỉ thị 05-CT/TW";
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var found = DocumentReferenceParser.FindAll(text);

        Assert.Equal("ct:5:tw", Assert.Single(found).Reference.Key);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }
}
