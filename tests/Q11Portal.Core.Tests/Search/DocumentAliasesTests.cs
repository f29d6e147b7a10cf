using Q11Portal.Core.Search;

namespace Q11Portal.Core.Tests.Search;

public sealed class DocumentAliasesTests
{
    [Theory]
    [InlineData("Chỉ thị 05", "05-ct/tw")]
    [InlineData("chi thi 05", "05-ct/tw")]
    [InlineData("sơ kết Kết luận 01 năm 2024", "01-kl/tw")]
    public void Expand_ShortForm_GivesTheFullNumberFirst(string query, string number)
    {
        var references = DocumentAliases.Expand(query);

        Assert.Equal(number, references[0].Number);
        Assert.Equal(1f, references[0].Weight);
    }

    [Theory]
    [InlineData("Chỉ thị 05/CT-UBND")]
    [InlineData("Chỉ thị 051")]
    [InlineData("chỉ thị")]
    public void Expand_OtherNumbers_GiveNothing(string query) =>
        Assert.Empty(DocumentAliases.Expand(query));

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
