using Q11Portal.Core.Search;

namespace Q11Portal.Core.Tests.Search;

public sealed class DocumentAliasesTests
{
    [Theory]
    [InlineData("Chỉ thị 05", "05-ct/tw")]
    [InlineData("chi thi 05", "05-ct/tw")]
    [InlineData("sơ kết Kết luận 01 năm 2024", "01-kl/tw")]
    [InlineData("chỉ thị số 05", "05-ct/tw")]
    [InlineData("CT 05", "05-ct/tw")]
    [InlineData("KL 01", "01-kl/tw")]
    [InlineData("NĐ 100/2019", "100/2019/nđ-cp")]
    [InlineData("quy dinh so 144", "144-qđ/tw")]
    public void Expand_ShortForm_GivesTheFullNumberFirst(string query, string number)
    {
        var references = DocumentAliases.Expand(query);

        Assert.Equal(number, references[0].Number);
        Assert.Equal(1f, references[0].Weight);
    }

    [Theory]
    [InlineData("Chỉ thị 05/CT-UBND")]
    [InlineData("chỉ thị 05 UBND")]
    [InlineData("Nghị quyết 05")]
    [InlineData("Chỉ thị 051")]
    [InlineData("chỉ thị")]
    public void Expand_OtherNumbers_GiveNothing(string query) =>
        Assert.Empty(DocumentAliases.Expand(query));

    [Theory]
    [InlineData("Chỉ thị số 05-CT/TW")]
    [InlineData("CT 05 TW")]
    public void Expand_FullNumberTyped_GivesOnlyTheDocumentsContinuingIt(string query)
    {
        var reference = Assert.Single(DocumentAliases.Expand(query));

        Assert.Equal(("01-kl/tw", 0.5f), (reference.Number, reference.Weight));
    }

    [Fact]
    public void Expand_ReportsTheBareShortNumber() =>
        Assert.All(DocumentAliases.Expand("Chỉ thị 05"), r => Assert.Equal("05", r.ShortNumber));

    [Fact]
    public void ConflictingPrefixes_CoverTheOtherIssuersForms() =>
        Assert.Equal([("05/ct-", false), ("05-ct/", true)], DocumentAliases.ConflictingPrefixes("05-ct/tw"));

    [Theory]
    [InlineData("100/2019/nđ-cp")]
    [InlineData("05")]
    [InlineData("-ct/tw")]
    public void ConflictingPrefixes_OtherShapes_GiveNone(string number) =>
        Assert.Empty(DocumentAliases.ConflictingPrefixes(number));
}
