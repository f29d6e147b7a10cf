using Q11Portal.Core.Comments;

namespace Q11Portal.Core.Tests.Comments;

public sealed class CommentSpamClassifierTests
{
    private static readonly CommentOptions Options = new() { MaxLinks = 2, BlockedWords = ["casino", "cá độ", "vay tiền nhanh"] };

    [Theory]
    [InlineData("Chơi CASINO online", true)]
    [InlineData("Chơi cásino online", true)]
    [InlineData("nhà cá độ bóng đá", true)]
    [InlineData("Cá Độ", true)]
    [InlineData("ca do", false)]
    [InlineData("casinos", false)]
    [InlineData("Vay   tiền\nnhanh trong ngày", true)]
    [InlineData("Bài viết rất hay, cảm ơn Ban biên tập.", false)]
    public void Classify_BlockedWords(string body, bool spam) =>
        Assert.Equal(spam, CommentSpamClassifier.Classify("Người đọc", body, Options) is not null);

    [Fact]
    public void Classify_DecomposedBlockedPhrase_StillMatches() =>
        Assert.NotNull(CommentSpamClassifier.Classify("A", "cá độ".Normalize(System.Text.NormalizationForm.FormD), Options));

    [Fact]
    public void Classify_LinksOverTheLimit_IsSpamWithReason()
    {
        Assert.Null(CommentSpamClassifier.Classify("A", "xem https://a.vn và https://b.vn", Options));
        var verdict = CommentSpamClassifier.Classify("A", "https://a.vn https://b.vn https://c.vn", Options);
        Assert.NotNull(verdict);
        Assert.Contains("liên kết", verdict.Reason);
    }

    [Fact]
    public void Classify_LinkInName_Counts() =>
        Assert.NotNull(CommentSpamClassifier.Classify("www.a.vn", "https://b.vn https://c.vn", Options));
}
