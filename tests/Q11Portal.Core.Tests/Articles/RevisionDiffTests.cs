using Q11Portal.Core.Articles;

namespace Q11Portal.Core.Tests.Articles;

public sealed class RevisionDiffTests
{
    [Fact]
    public void Html_ChangedWordInParagraph_MarksOnlyThatWord()
    {
        var html = RevisionDiff.Html("<p>Quận 11 tổ chức hội nghị sơ kết.</p><p>Đoạn hai giữ nguyên.</p>",
            "<p>Quận 11 tổ chức hội nghị tổng kết.</p><p>Đoạn hai giữ nguyên.</p>");

        Assert.Contains("<del>sơ </del>", html);
        Assert.Contains("<ins>tổng </ins>", html);
        Assert.Contains("<p class=\"diff-same\">Đoạn hai giữ nguyên.</p>", html);
    }

    [Fact]
    public void Html_AddedAndRemovedParagraphs_AreWholeLines()
    {
        var html = RevisionDiff.Html("<p>Một</p><p>Hai</p>", "<p>Một</p><p>Hai</p><h2>Ba</h2>");

        Assert.Contains("<p class=\"diff-added\"><ins>Ba</ins></p>", html);
        Assert.DoesNotContain("<del>", html);
    }

    [Fact]
    public void Words_WordRemovedAndWordsAdded_MarksEachRunAndKeepsTheRest()
    {
        var html = RevisionDiff.Words("Quận 11 tổ chức hội nghị sơ kết", "Quận 11 tổ chức long trọng hội nghị kết");

        Assert.Equal("Quận 11 tổ chức <ins>long trọng </ins>hội nghị <del>sơ </del>kết", html);
    }

    [Fact]
    public void Html_ParagraphInsertedBetweenUnchangedOnes_IsOneAddedLine()
    {
        var html = RevisionDiff.Html("<p>Một</p><p>Hai</p><p>Ba</p>", "<p>Một</p><p>Hai</p><p>Mới</p><p>Ba</p>");

        Assert.Equal("<p class=\"diff-same\">Một</p><p class=\"diff-same\">Hai</p><p class=\"diff-added\"><ins>Mới</ins></p><p class=\"diff-same\">Ba</p>", html);
    }

    [Fact]
    public void Html_TextThatLooksLikeMarkup_IsEncoded()
    {
        var html = RevisionDiff.Html("<p>a</p>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void ToLines_TableAndFigure_BecomeReadableLines()
    {
        var lines = RevisionDiff.ToLines("<table><tr><td>Chỉ tiêu</td><td>70</td></tr></table><figure><img src=\"/a.jpg\" alt=\"Hội nghị\"><figcaption>Quang cảnh</figcaption></figure>");

        Assert.Contains("Chỉ tiêu | 70", lines);
        Assert.Contains(lines, l => l.Contains("[Ảnh: Hội nghị]", StringComparison.Ordinal));
        Assert.Contains("Quang cảnh", lines);
    }
}
