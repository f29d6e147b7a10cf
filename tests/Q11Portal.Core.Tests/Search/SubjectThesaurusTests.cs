using Q11Portal.Core.Search;

namespace Q11Portal.Core.Tests.Search;

public sealed class SubjectThesaurusTests
{
    private static readonly SubjectThesaurus Sample = SubjectThesaurus.Parse("""
        # comment lines and blank lines are skipped

        giao-thong: an toàn giao thông, mũ bảo hiểm, nồng độ cồn, 100/2019/nđ-cp
        y-te: sốt xuất huyết, tiêm chủng, y tế
        not a subject line
        """);

    [Fact]
    public void Parse_ReadsSubjectsInOrder_AndSkipsOtherLines() =>
        Assert.Equal(["giao-thong", "y-te"], Sample.Subjects);

    [Fact]
    public void Fingerprint_ChangesWithThePhrases_NotWithComments_AndNamesTheIndexSchema()
    {
        const string Lines = "giao-thong: an toàn giao thông, mũ bảo hiểm\ny-te: tiêm chủng\n";

        var same = SubjectThesaurus.Parse("# a new comment\n\n" + Lines).Fingerprint;
        var morePhrases = SubjectThesaurus.Parse(Lines.Replace("tiêm chủng", "tiêm chủng, vắc xin", StringComparison.Ordinal)).Fingerprint;

        Assert.Matches("^[0-9a-f]{12}$", SubjectThesaurus.Parse(Lines).Fingerprint);
        Assert.Equal(SubjectThesaurus.Parse(Lines).Fingerprint, same);
        Assert.NotEqual(SubjectThesaurus.Parse(Lines).Fingerprint, morePhrases);
        // An index built with other subjects has another schema, so it is rebuilt and the related lists recomputed.
        Assert.EndsWith("-" + SubjectThesaurus.Default.Fingerprint, SearchIndex.Schema, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kiểm tra nồng độ cồn trên quốc lộ")]
    [InlineData("kiem tra nong do con tren quoc lo")]
    [InlineData("KIỂM TRA NỒNG ĐỘ CỒN")]
    [InlineData("Kie\u0302\u0309m tra no\u0302\u0300ng \u0111o\u0323\u0302 co\u0302\u0300n")]
    public void Profile_MatchesPhrasesWithMarksFoldedAndCaseIgnored(string title)
    {
        var profile = Sample.Profile(title, string.Empty, [], string.Empty);

        Assert.Equal(["giao-thong"], profile.Keys);
        Assert.Equal(1.0, profile["giao-thong"], 6);
    }

    [Fact]
    public void Profile_MatchesWholeSyllablesOnly()
    {
        // "y tế" must not be found inside "quy tế" or "tiêm chủng" inside "tiêm chủngx".
        var profile = Sample.Profile("Quy tế lễ tiêm chủngx", string.Empty, [], string.Empty);

        Assert.Empty(profile);
    }

    [Fact]
    public void Profile_TitleWeighsMoreThanABodyMention()
    {
        var profile = Sample.Profile("Ra quân đội mũ bảo hiểm cho học sinh", string.Empty, [], "Trạm y tế phường phối hợp.");

        Assert.True(profile["giao-thong"] > profile["y-te"]);
        Assert.Equal(1.0, Math.Sqrt(profile.Values.Sum(v => v * v)), 6);
    }

    [Fact]
    public void Profile_DocumentNumberIsAPhrase()
    {
        var profile = Sample.Profile(string.Empty, string.Empty, [], "xử phạt theo Nghị định 100/2019/NĐ-CP");

        Assert.Contains("giao-thong", profile.Keys);
    }

    [Theory]
    [InlineData("nồng độ cồn", "giao-thong")]
    [InlineData("Nghị định 100/2019/NĐ-CP", "giao-thong")]
    // One syllable says too little about what a short query is about.
    [InlineData("y tế", "y-te")]
    public void QueryProfile_TakesPhrasesOfTwoSyllablesOrDocumentNumbers(string query, string subject) =>
        Assert.Contains(subject, Sample.QueryProfile(query).Keys);

    [Fact]
    public void QueryProfile_IgnoresSingleSyllablePhrases()
    {
        var thesaurus = SubjectThesaurus.Parse("do-thi: hẻm, kênh rạch");

        Assert.Empty(thesaurus.QueryProfile("mở rộng hẻm"));
        Assert.NotEmpty(thesaurus.Profile("mở rộng hẻm", string.Empty, [], string.Empty));
    }

    [Fact]
    public void FormatAndParseProfile_RoundTrip()
    {
        var profile = Sample.Profile("Mũ bảo hiểm và sốt xuất huyết", string.Empty, [], "nồng độ cồn");

        var parsed = SubjectThesaurus.ParseProfile(SubjectThesaurus.Format(profile));

        Assert.Equal(profile.Keys.Order(), parsed.Keys.Order());
        foreach (var (subject, weight) in profile)
        {
            Assert.Equal(weight, parsed[subject], 3);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage =x = =0.5")]
    public void ParseProfile_BadStoredValue_GivesNoSubjects(string? stored) =>
        Assert.Empty(SubjectThesaurus.ParseProfile(stored));

    [Fact]
    public void Default_HasTheDistrictNewsSubjects()
    {
        var subjects = SubjectThesaurus.Default.Subjects;

        Assert.Contains("an-toan-giao-thong", subjects);
        Assert.Contains("hoc-tap-lam-theo-bac", subjects);
        Assert.Equal(subjects.Count, subjects.Distinct().Count());
        Assert.Contains("an-toan-giao-thong", SubjectThesaurus.Default.Profile("Xử lý vi phạm nồng độ cồn", string.Empty, [], string.Empty).Keys);
    }
}
