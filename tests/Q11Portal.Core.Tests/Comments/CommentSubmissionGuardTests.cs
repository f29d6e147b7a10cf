using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Q11Portal.Core.Comments;
using Q11Portal.Core.Data;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Comments;

public sealed class CommentSubmissionGuardTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CheckAsync_PassingEveryCheck_PassesOnce_ThenTheFormAndTheProofAreSpent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var site = await Site.CreateAsync(db);
        var (form, proof) = site.FormFilledInTenSeconds();

        var passed = await site.Guard.CheckAsync(site.Article, Submission(form, proof), "203.0.113.7", Ct);
        var sameForm = await site.Guard.CheckAsync(site.Article, Submission(form, site.Proof()), "203.0.113.7", Ct);
        var newForm = site.Tokens.Issue(site.Article.Id);
        site.Clock.Advance(TimeSpan.FromSeconds(10));
        var sameProof = await site.Guard.CheckAsync(site.Article, Submission(newForm, proof), "203.0.113.7", Ct);

        Assert.True(passed.Passed);
        Assert.Equal("Đề nghị sửa đèn đường hẻm 42.", passed.Comment!.Body);
        Assert.Equal(CommentRefusal.FormReplayed, sameForm.Refusal);
        Assert.False(sameForm.KeepsFormToken);
        Assert.Equal(CommentRefusal.ProofReplayed, sameProof.Refusal);
    }

    [Fact]
    public async Task CheckAsync_HoneypotFilled_IsRefusedBeforeAnyCheck_AndSpendsNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var site = await Site.CreateAsync(db);
        var (form, proof) = site.FormFilledInTenSeconds();

        var bot = await site.Guard.CheckAsync(site.Article, Submission(form, proof) with { Website = "http://spam.example", Name = "" }, null, Ct);

        Assert.Equal(CommentRefusal.Honeypot, bot.Refusal);
        Assert.Null(bot.Comment);
        Assert.False(bot.KeepsFormToken);
        Assert.True((await site.Guard.CheckAsync(site.Article, Submission(form, proof), null, Ct)).Passed);
    }

    [Theory]
    [InlineData("too-fast", CommentRefusal.TooFast, true)]
    [InlineData("no-token", CommentRefusal.FormForged, false)]
    [InlineData("other-article", CommentRefusal.FormForged, false)]
    [InlineData("expired", CommentRefusal.FormExpired, false)]
    [InlineData("no-proof", CommentRefusal.ProofMissing, true)]
    [InlineData("bad-proof", CommentRefusal.ProofInvalid, true)]
    [InlineData("no-name", CommentRefusal.InvalidFields, true)]
    public async Task CheckAsync_OneCheckFailing_NamesIt_AndSpendsNothing(string fault, CommentRefusal expected, bool keepsForm)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var site = await Site.CreateAsync(db);
        var form = site.Tokens.Issue(site.Article.Id);
        var proof = site.Proof();
        site.Clock.Advance(fault switch { "too-fast" => TimeSpan.FromSeconds(1), "expired" => TimeSpan.FromMinutes(61), _ => TimeSpan.FromSeconds(10) });
        var submission = fault switch
        {
            "no-token" => Submission(null, proof),
            "other-article" => Submission(site.Tokens.Issue(site.Article.Id + 1), proof),
            "no-proof" => Submission(form, null),
            "bad-proof" => Submission(form, "eyJ4IjoxfQ=="),
            "no-name" => Submission(form, proof) with { Name = " " },
            _ => Submission(form, proof),
        };

        var refused = await site.Guard.CheckAsync(site.Article, submission, null, Ct);

        Assert.Equal(expected, refused.Refusal);
        Assert.Equal(keepsForm, refused.KeepsFormToken);
        Assert.Equal(fault == "no-name", refused.Comment!.Errors.ContainsKey(CommentService.NameField));
        // Nothing was spent: a fresh form with the same proof still passes.
        var fresh = site.Tokens.Issue(site.Article.Id);
        site.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True((await site.Guard.CheckAsync(site.Article, Submission(fresh, fault == "expired" ? site.Proof() : proof), null, Ct)).Passed);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CheckAsync_NameOrBodyWithNothingVisible_IsRefusedPerField_AndSpendsNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var site = await Site.CreateAsync(db);
        var (form, proof) = site.FormFilledInTenSeconds();

        var invisible = await site.Guard.CheckAsync(site.Article,
            Submission(form, proof) with { Name = "\u200B\u0301\u202E\u2060", Body = "\u200D\u0300\u0301\u0323\u200B\u2062\u0300\u0301\u0300\u0301\u0300" }, null, Ct);
        var bidiName = await site.Guard.CheckAsync(site.Article, Submission(form, proof) with { Name = "An\u202E nauyugN" }, null, Ct);

        Assert.Equal(CommentRefusal.InvalidFields, invisible.Refusal);
        Assert.True(invisible.KeepsFormToken);
        Assert.StartsWith("Họ tên phải có chữ hoặc số", invisible.Comment!.Errors[CommentService.NameField]);
        Assert.StartsWith("Nội dung bình luận phải có chữ hoặc số", invisible.Comment.Errors[CommentService.BodyField]);
        Assert.True(bidiName.Passed);
        Assert.Equal("An nauyugN", bidiName.Comment!.Name);
    }

    private static CommentSubmission Submission(string? formToken, string? altcha) =>
        new("Nguyễn Văn An", "an@example.vn", "Đề nghị sửa đèn đường hẻm 42.", null, formToken, altcha);

    private sealed record Site(FakeTimeProvider Clock, CommentArticle Article, CommentFormToken Tokens, AltchaService Altcha, CommentSubmissionGuard Guard)
    {
        public string Proof() => AltchaService.Solve(Altcha.CreateChallenge());

        /// <summary>A form shown, a proof solved, and ten seconds of typing: what a resident sends.</summary>
        public (string Form, string Proof) FormFilledInTenSeconds()
        {
            var form = Tokens.Issue(Article.Id);
            var proof = Proof();
            Clock.Advance(TimeSpan.FromSeconds(10));
            return (form, proof);
        }

        public static async Task<Site> CreateAsync(PortalDbContext db)
        {
            var clock = CommentTestData.Clock();
            var options = CommentTestData.Options(o => { o.MinFormAgeSeconds = 3; o.MaxFormAgeMinutes = 60; o.AltchaMaxNumber = 2000; });
            var secrets = CommentTestData.Secrets();
            var article = await CommentTestData.AddArticleAsync(db);
            var tokens = new CommentFormToken(CommentTestData.DataProtection(), options, clock);
            var altcha = new AltchaService(secrets, options, clock);
            var guard = new CommentSubmissionGuard(CommentTestData.Service(db, clock, options), tokens, altcha, new SpentTokenStore(db),
                new ClientAddressHasher(secrets, clock), NullLogger<CommentSubmissionGuard>.Instance);
            return new Site(clock, new CommentArticle(article.Id, article.Title, article.Slug), tokens, altcha, guard);
        }
    }
}
