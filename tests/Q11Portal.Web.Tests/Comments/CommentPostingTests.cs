using System.Net;
using Q11Portal.Core.Comments;
using Q11Portal.Core.Data;
using Q11Portal.Testing;

namespace Q11Portal.Web.Tests.Comments;

/// <summary>Scripted posts against every spam layer: each refusal gives its Vietnamese reason, keeps what was typed,
/// and stores nothing public.</summary>
public sealed class CommentPostingTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Post_PassingEveryLayer_WaitsForModeration(DatabaseProvider provider)
    {
        await using var site = await CommentTestSite.CreateAsync(provider);

        var response = await site.PostValidAsync("Đề nghị sửa đèn đường hẻm 42.");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/tin-tuc/{site.Slug}?binh-luan=cho-duyet#binh-luan-da-gui", response.Headers.Location!.OriginalString);
        var comment = Assert.Single(await site.CommentsAsync());
        Assert.Equal(CommentStatus.Pending, comment.Status);
        Assert.Equal("Đề nghị sửa đèn đường hẻm 42.", comment.Body);
        Assert.NotNull(comment.ClientHash);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Post_WithoutOrWithForgedToken_IsRefusedAndKeepsText(DatabaseProvider provider)
    {
        await using var site = await CommentTestSite.CreateAsync(provider);
        var altcha = await site.SolveAltchaAsync();

        foreach (var token in new string?[] { null, "", "CfDJ8AAAAAAAAAAAAAAAAAAAAAA", (await site.OpenFormAsync())[..^6] + "AAAAAA" })
        {
            site.Clock.Advance(TimeSpan.FromSeconds(10));
            var response = await site.PostAsync(token, altcha, body: "Ý kiến <b>giữ lại</b> nguyên văn");
            var html = await response.Content.ReadAsStringAsync(Ct);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Biểu mẫu bình luận không hợp lệ", html);
            Assert.Contains("Ý kiến &lt;b&gt;giữ lại&lt;/b&gt; nguyên văn</textarea>", html);
            Assert.Contains("value=\"Nguyễn Văn An\"", html);
        }

        Assert.Empty(await site.CommentsAsync());
    }

    [Fact]
    public async Task Post_FasterThanAPerson_IsRefusedAndKeepsToken()
    {
        await using var site = await CommentTestSite.CreateAsync();
        var token = await site.OpenFormAsync();
        var altcha = await site.SolveAltchaAsync();

        var response = await site.PostAsync(token, altcha);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Bạn gửi quá nhanh", html);
        Assert.Equal(token, CommentTestSite.ReadToken(html));
        Assert.Empty(await site.CommentsAsync());

        // The same form, sent again a few seconds later, goes through.
        site.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.Redirect, (await site.PostAsync(token, altcha)).StatusCode);
    }

    [Fact]
    public async Task Post_AfterMaximumAge_IsRefusedWithFreshToken()
    {
        await using var site = await CommentTestSite.CreateAsync();
        var token = await site.OpenFormAsync();
        site.Clock.Advance(TimeSpan.FromMinutes(61));
        var altcha = await site.SolveAltchaAsync();

        var response = await site.PostAsync(token, altcha);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("hết hạn", html);
        Assert.NotEqual(token, CommentTestSite.ReadToken(html));
        Assert.Empty(await site.CommentsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Post_ReplayedTokenOrProof_IsRefused(DatabaseProvider provider)
    {
        await using var site = await CommentTestSite.CreateAsync(provider);
        var token = await site.OpenFormAsync();
        var altcha = await site.SolveAltchaAsync();
        site.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.Redirect, (await site.PostAsync(token, altcha)).StatusCode);

        // The whole post replayed, then the same form with a new proof: the form token was spent.
        foreach (var proof in new[] { altcha, await site.SolveAltchaAsync() })
        {
            var replay = await site.PostAsync(token, proof, body: "Gửi lại lần nữa");
            var html = await replay.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
            Assert.Contains("Biểu mẫu này đã được dùng", html);
            Assert.Contains("Gửi lại lần nữa</textarea>", html);
        }

        // A new form with the old proof: the proof was spent.
        var fresh = await site.OpenFormAsync();
        site.Clock.Advance(TimeSpan.FromSeconds(10));
        var reused = await site.PostAsync(fresh, altcha);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("Kết quả xác minh chống thư rác này đã được dùng", await reused.Content.ReadAsStringAsync(Ct));

        Assert.Single(await site.CommentsAsync());
    }

    [Theory]
    [InlineData(null, "Vui lòng bấm vào ô “Tôi không phải là robot”")]
    [InlineData("eyJ4IjoxfQ==", "Xác minh chống thư rác không hợp lệ")]
    public async Task Post_WithoutValidProof_IsRefused(string? altcha, string message)
    {
        await using var site = await CommentTestSite.CreateAsync();
        var token = await site.OpenFormAsync();
        site.Clock.Advance(TimeSpan.FromSeconds(10));

        var response = await site.PostAsync(token, altcha);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Ct));
        Assert.Empty(await site.CommentsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Post_HoneypotFilled_IsRefusedAndLoggedWithoutText(DatabaseProvider provider)
    {
        await using var site = await CommentTestSite.CreateAsync(provider);
        var token = await site.OpenFormAsync();
        var altcha = await site.SolveAltchaAsync();
        site.Clock.Advance(TimeSpan.FromSeconds(10));

        var response = await site.PostAsync(token, altcha, body: "Nội dung bí mật 7f3a", email: "an.nguyen@example.vn", website: "http://spam.example");
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ô “Trang web”", html);
        Assert.Contains("Nội dung bí mật 7f3a</textarea>", html);
        Assert.Empty(await site.CommentsAsync());
        var log = site.LogText();
        Assert.Contains("Warning Comment honeypot filled", log);
        Assert.DoesNotContain("bí mật 7f3a", log);
        Assert.DoesNotContain("an.nguyen@example.vn", log);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Post_OverRateLimit_Gets429InVietnameseWithTextKept(DatabaseProvider provider)
    {
        await using var site = await CommentTestSite.CreateAsync(provider, new Dictionary<string, string?>
        {
            ["Comments:RateLimitPermits"] = "2",
            ["Comments:RateLimitWindowMinutes"] = "10",
        });
        Assert.Equal(HttpStatusCode.Redirect, (await site.PostValidAsync("Một")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await site.PostValidAsync("Hai")).StatusCode);

        var third = await site.PostValidAsync("Lần thứ ba 9c1d");
        var html = await third.Content.ReadAsStringAsync(Ct);

        Assert.Equal((HttpStatusCode)429, third.StatusCode);
        Assert.Contains("Bạn đã gửi quá nhiều bình luận", html);
        Assert.Contains("Lần thứ ba 9c1d</textarea>", html);
        Assert.True(third.Headers.RetryAfter is not null);
        Assert.Equal(2, (await site.CommentsAsync()).Count);
        Assert.All(await site.CommentsAsync(), c => Assert.Equal(CommentStatus.Pending, c.Status));
        var log = site.LogText();
        Assert.Contains("Warning Comment rate limit reached", log);
        Assert.DoesNotContain("9c1d", log);
    }

    [Fact]
    public async Task Post_InvalidFields_AreExplainedAndNothingIsLost()
    {
        await using var site = await CommentTestSite.CreateAsync();
        var token = await site.OpenFormAsync();
        var altcha = await site.SolveAltchaAsync();
        site.Clock.Advance(TimeSpan.FromSeconds(10));

        var response = await site.PostAsync(token, altcha, name: " ", body: "Nội dung vẫn còn", email: "sai@@email");
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Vui lòng nhập họ tên.", html);
        Assert.Contains("Địa chỉ email không hợp lệ", html);
        Assert.Contains("value=\"sai@@email\"", html);
        Assert.Contains("Nội dung vẫn còn</textarea>", html);
        // The form and the proof were not used up: fixing the name is enough.
        Assert.Equal(token, CommentTestSite.ReadToken(html));
        Assert.Equal(HttpStatusCode.Redirect, (await site.PostAsync(token, altcha, name: "Trần Bình", email: "binh@example.vn")).StatusCode);
    }

    [Fact]
    public async Task Post_OneMegabyteBody_IsRefusedWithMessage_LargerRequestIsNot500()
    {
        await using var site = await CommentTestSite.CreateAsync();
        var token = await site.OpenFormAsync();
        var altcha = await site.SolveAltchaAsync();
        site.Clock.Advance(TimeSpan.FromSeconds(10));

        var response = await site.PostAsync(token, altcha, body: new string('x', 1024 * 1024));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Bình luận dài tối đa 2.000 ký tự; bạn đã viết 1.048.576 ký tự", await response.Content.ReadAsStringAsync(Ct));

        var huge = await site.PostAsync(token, altcha, body: new string('x', 5 * 1024 * 1024));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("Nội dung gửi lên quá lớn", await huge.Content.ReadAsStringAsync(Ct));
        Assert.Empty(await site.CommentsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Post_HostileText_IsStoredAsPlainCleanText(DatabaseProvider provider)
    {
        await using var site = await CommentTestSite.CreateAsync(provider);
        var token = await site.OpenFormAsync();
        var altcha = await site.SolveAltchaAsync();
        site.Clock.Advance(TimeSpan.FromSeconds(10));

        var response = await site.PostAsync(token, altcha,
            name: "<img src=x onerror=alert(1)>\u202Enimda\0",
            body: "<script>alert('x')</script>\n<a href=\"javascript:alert(2)\" onclick=\"alert(3)\">bấm</a>\0\u202E",
            email: "a@b.vn");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Ct));
        var comment = Assert.Single(await site.CommentsAsync());
        Assert.Equal("<img src=x onerror=alert(1)>nimda", comment.AuthorName);
        Assert.Equal("<script>alert('x')</script>\n<a href=\"javascript:alert(2)\" onclick=\"alert(3)\">bấm</a>", comment.Body);
        Assert.Equal(CommentStatus.Pending, comment.Status);
    }

    [Fact]
    public async Task Form_UnknownOrUnpublishedArticle_Is404()
    {
        await using var site = await CommentTestSite.CreateAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync("/tin-tuc/khong-co-bai-nay/binh-luan", Ct)).StatusCode);
        var post = await site.Client.PostAsync("/tin-tuc/khong-co-bai-nay/binh-luan", new FormUrlEncodedContent([]), Ct);
        Assert.True(post.StatusCode == HttpStatusCode.NotFound, await post.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Challenge_IsFreshAndNotCached()
    {
        await using var site = await CommentTestSite.CreateAsync();
        var first = await site.Client.GetAsync("/altcha/challenge", Ct);
        var second = await site.Client.GetStringAsync("/altcha/challenge", Ct);

        Assert.Contains("no-store", first.Headers.CacheControl!.ToString());
        Assert.NotEqual(await first.Content.ReadAsStringAsync(Ct), second);
        Assert.Contains("\"maxnumber\":2000", second);
    }
}
