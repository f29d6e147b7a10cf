using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Comments;
using Q11Portal.Core.Data;
using Q11Portal.Core.Letters;
using Q11Portal.Core.Tests.Comments;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Sections;

public sealed class LetterTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly LetterDraft Draft = new("Trần Thị Bình", "binh@example.vn", null, "Hẻm 42 Lạc Long Quân", "Đèn đường hẻm 42", "Đề nghị sửa đèn đường hẻm 42, tối rất tối.");

    private sealed record Box(FakeTimeProvider Clock, CommentFormToken Tokens, AltchaService Altcha, LetterSubmissionGuard Guard, LetterService Letters)
    {
        public string Proof() => AltchaService.Solve(Altcha.CreateChallenge());

        public static Box Create(PortalDbContext db)
        {
            var clock = CommentTestData.Clock();
            var options = CommentTestData.Options(o => { o.MinFormAgeSeconds = 3; o.MaxFormAgeMinutes = 60; o.AltchaMaxNumber = 2000; });
            var secrets = CommentTestData.Secrets();
            var tokens = new CommentFormToken(CommentTestData.DataProtection(), options, clock);
            var altcha = new AltchaService(secrets, options, clock);
            var hasher = new ClientAddressHasher(secrets, clock);
            var guard = new LetterSubmissionGuard(tokens, altcha, new SpentTokenStore(db), hasher, NullLogger<LetterSubmissionGuard>.Instance);
            return new Box(clock, tokens, altcha, guard, new LetterService(db, hasher, new AuditLog(db, clock, NullLogger<AuditLog>.Instance), clock));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CheckAsync_PassingLetter_PassesOnce_TooFastReplayedAndCommentTokensAreRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var box = Box.Create(db);
        var form = box.Guard.IssueFormToken();
        var commentForm = box.Tokens.Issue(1);
        var proof = box.Proof();

        var tooFast = await box.Guard.CheckAsync(new(Draft, null, form, proof), "203.0.113.9", Ct);
        box.Clock.Advance(TimeSpan.FromSeconds(20));
        var commentToken = await box.Guard.CheckAsync(new(Draft, null, commentForm, proof), "203.0.113.9", Ct);
        var passed = await box.Guard.CheckAsync(new(Draft, null, form, proof), "203.0.113.9", Ct);
        var replayed = await box.Guard.CheckAsync(new(Draft, null, form, box.Proof()), "203.0.113.9", Ct);
        var honeypot = await box.Guard.CheckAsync(new(Draft, "http://spam.example", box.Guard.IssueFormToken(), box.Proof()), null, Ct);

        Assert.Equal(CommentRefusal.TooFast, tooFast.Refusal);
        Assert.True(tooFast.KeepsFormToken);
        Assert.Equal(CommentRefusal.FormForged, commentToken.Refusal);
        Assert.Null(passed.Refusal);
        Assert.Equal(CommentRefusal.FormReplayed, replayed.Refusal);
        Assert.False(replayed.KeepsFormToken);
        Assert.Equal(CommentRefusal.Honeypot, honeypot.Refusal);
    }

    [Theory]
    [InlineData("", "binh@example.vn", null, "Tiêu đề", "Nội dung đủ dài rồi.", "Name")]
    [InlineData("Bình", null, null, "Tiêu đề", "Nội dung đủ dài rồi.", "Email")]
    [InlineData("Bình", "khong-phai-email", null, "Tiêu đề", "Nội dung đủ dài rồi.", "Email")]
    [InlineData("Bình", null, "12ab", "Tiêu đề", "Nội dung đủ dài rồi.", "Phone")]
    [InlineData("Bình", null, "028 3858 1234", "\u200B", "Nội dung đủ dài rồi.", "Subject")]
    [InlineData("Bình", null, "+84 909.123.456", "Tiêu đề", "Ngắn", "Body")]
    public void Clean_OneFieldWrong_NamesThatField(string name, string? email, string? phone, string subject, string body, string field)
    {
        var clean = LetterRules.Clean(new LetterDraft(name, email, phone, null, subject, body));

        Assert.Equal([field], clean.Errors.Keys);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Inbox_StoreReadHandleReopenDelete_IsAuditedAndKeepsNoAddress(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var box = Box.Create(db);

        var id = await box.Letters.StoreAsync(LetterRules.Clean(Draft), "203.0.113.9", Ct);
        var stored = await db.Letters.AsNoTracking().SingleAsync(Ct);
        Assert.DoesNotContain("203.0.113.9", stored.ClientHash);
        Assert.Equal(1, (await box.Letters.ListAsync(LetterStatus.New, 1, Ct)).NewCount);

        Assert.Equal(LetterStatus.Read, (await box.Letters.ReadAsync(id, "admin", Ct))!.Status);
        var tooLong = await box.Letters.MarkHandledAsync(id, new string('x', LetterRules.NoteMaxLength + 1), "admin", Ct);
        Assert.Equal(Core.Common.Outcome.Invalid, tooLong.Outcome);
        Assert.True((await box.Letters.MarkHandledAsync(id, "Chuyển UBND Phường 3 xử lý.", "admin", Ct)).Succeeded);
        Assert.Empty((await box.Letters.ListAsync(LetterStatus.New, 1, Ct)).Items);
        Assert.True((await box.Letters.ReopenAsync(id, "admin", Ct)).Succeeded);
        Assert.True((await box.Letters.DeleteAsync(id, "admin", Ct)).Succeeded);

        Assert.Equal(["letter.read", "letter.handled", "letter.reopen", "letter.delete"],
            await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
        Assert.Equal(0, await db.Letters.CountAsync(Ct));
    }
}
