using Q11Portal.Core.Comments;

namespace Q11Portal.Core.Tests.Comments;

public sealed class CommentFormTokenTests
{
    private static CommentFormToken Create(TimeProvider clock, Microsoft.AspNetCore.DataProtection.IDataProtectionProvider? dp = null) =>
        new(dp ?? CommentTestData.DataProtection(), CommentTestData.Options(o => { o.MinFormAgeSeconds = 3; o.MaxFormAgeMinutes = 60; }), clock);

    [Fact]
    public void Check_AfterMinimumAge_IsValid()
    {
        var clock = CommentTestData.Clock();
        var tokens = Create(clock);
        var token = tokens.Issue(7);

        clock.Advance(TimeSpan.FromSeconds(5));
        var check = tokens.Check(token, 7);

        Assert.True(check.IsValid);
        Assert.Equal(CommentTestData.Start.UtcDateTime, check.IssuedAtUtc);
        Assert.Equal(CommentTestData.Start.UtcDateTime.AddMinutes(60), check.ExpiresAtUtc);
    }

    [Fact]
    public void Check_FasterThanAPerson_IsTooFast()
    {
        var clock = CommentTestData.Clock();
        var tokens = Create(clock);
        var token = tokens.Issue(7);

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(FormTokenFailure.TooFast, tokens.Check(token, 7).Failure);
    }

    [Fact]
    public void Check_AfterMaximumAge_IsExpired()
    {
        var clock = CommentTestData.Clock();
        var tokens = Create(clock);
        var token = tokens.Issue(7);

        clock.Advance(TimeSpan.FromMinutes(61));

        Assert.Equal(FormTokenFailure.Expired, tokens.Check(token, 7).Failure);
    }

    [Fact]
    public void Check_TokenForAnotherArticle_IsForged()
    {
        var clock = CommentTestData.Clock();
        var tokens = Create(clock);
        var token = tokens.Issue(7);
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(FormTokenFailure.Forged, tokens.Check(token, 8).Failure);
    }

    [Fact]
    public void Check_AlteredOrForeignToken_IsForged()
    {
        var clock = CommentTestData.Clock();
        var tokens = Create(clock);
        var token = tokens.Issue(7);
        clock.Advance(TimeSpan.FromSeconds(10));
        var altered = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];

        Assert.Equal(FormTokenFailure.Forged, tokens.Check(altered, 7).Failure);
        Assert.Equal(FormTokenFailure.Forged, tokens.Check("CfDJ8-made-up", 7).Failure);
        Assert.Equal(FormTokenFailure.Forged, Create(clock).Check(token, 7).Failure);
        Assert.Equal(FormTokenFailure.Missing, tokens.Check(" ", 7).Failure);
    }

    [Fact]
    public void Issue_EveryFormGetsItsOwnToken()
    {
        var tokens = Create(CommentTestData.Clock());
        Assert.NotEqual(tokens.Issue(7), tokens.Issue(7));
    }
}
