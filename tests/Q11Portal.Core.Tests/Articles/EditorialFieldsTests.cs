using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Articles;

/// <summary>The editors' fields: the correction note with a real change, the home page's featured order, and pinned
/// related articles shown first, in order, while public.</summary>
public sealed class EditorialFieldsTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SaveAsync_PublishedArticleTextChangedWithNote_StampsUpdateTimeAndKeepsTheNoteInTheRevision(DatabaseProvider provider)
    {
        await using var bed = await NewsroomTestBed.CreateAsync(provider);
        var id = await bed.PublishedAsync(bed.Draft("Hội nghị sơ kết công tác dân vận", "<p>Có 120 đại biểu dự hội nghị.</p>"));
        bed.Clock.Advance(TimeSpan.FromHours(3));
        var data = await bed.EditDataAsync(id);

        // Only spaces moved: not a change worth a note, so the note is refused and nothing is saved.
        var spacesOnly = await bed.Get<ArticleWriter>().SaveAsync(id, data.Draft with { BodyHtml = "<p>Có  120 đại biểu   dự hội nghị.</p>", CorrectionNote = "Sửa số đại biểu." },
            data.Version, NewsroomTestBed.Editor, Ct);
        var corrected = await bed.Get<ArticleWriter>().SaveAsync(id, data.Draft with { BodyHtml = "<p>Có 150 đại biểu dự hội nghị.</p>", CorrectionNote = "  Sửa số đại biểu dự hội nghị (150, không phải 120).  " },
            data.Version, NewsroomTestBed.Editor, Ct);

        Assert.Equal(Outcome.Invalid, spacesOnly.Outcome);
        Assert.Contains("Đính chính", spacesOnly.Message);
        Assert.True(corrected.Succeeded, corrected.Message);
        var page = (await bed.Get<ArticleService>().FindBySlugAsync(data.CurrentSlug, Ct)).Article!;
        Assert.Equal(bed.Now, page.CorrectedAtUtc);
        Assert.Equal("Sửa số đại biểu dự hội nghị (150, không phải 120).", page.CorrectionNote);
        var revision = await bed.Read().ArticleRevisions.Where(r => r.ArticleId == id).OrderByDescending(r => r.Id).FirstAsync(Ct);
        var snapshot = RevisionSnapshot.Read(revision.MetadataJson)!;
        Assert.Equal(page.CorrectionNote, snapshot.CorrectionNote);
        Assert.Equal(bed.Now, snapshot.CorrectedAtUtc);

        // A save that changes nothing stays unchanged; the update time does not move.
        bed.Clock.Advance(TimeSpan.FromHours(1));
        var again = await bed.EditDataAsync(id);
        var resave = await bed.Get<ArticleWriter>().SaveAsync(id, again.Draft, again.Version, NewsroomTestBed.Editor, Ct);
        Assert.True(resave.Value!.Unchanged);
        Assert.Equal(bed.Now.AddHours(-1), (await bed.EditDataAsync(id)).CorrectedAtUtc);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task GetHomeAsync_FeaturedStories_FollowTheEditorsOrderThenNewest(DatabaseProvider provider)
    {
        await using var bed = await NewsroomTestBed.CreateAsync(provider);
        var second = await bed.PublishedAsync(bed.Draft("Tin nổi bật thứ hai") with { IsFeatured = true, FeaturedOrder = 2 });
        bed.Clock.Advance(TimeSpan.FromMinutes(1));
        var first = await bed.PublishedAsync(bed.Draft("Tin nổi bật thứ nhất") with { IsFeatured = true, FeaturedOrder = 1 });
        bed.Clock.Advance(TimeSpan.FromMinutes(1));
        var unnumbered = await bed.PublishedAsync(bed.Draft("Tin nổi bật chưa xếp") with { IsFeatured = true });
        bed.Clock.Advance(TimeSpan.FromMinutes(1));
        await bed.PublishedAsync(bed.Draft("Tin thường mới nhất"));

        var home = await bed.Get<ArticleService>().GetHomeAsync(5, 3, Ct);

        Assert.Equal(first, home.Featured!.Id);
        Assert.Equal([second, unnumbered], home.MoreFeatured!.Select(a => a.Id));
        Assert.DoesNotContain(home.Latest, a => a.Id == first);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task GetPinnedRelatedAsync_PinnedInOrder_OnlyPublicOnesShown_BadPinsRefused(DatabaseProvider provider)
    {
        await using var bed = await NewsroomTestBed.CreateAsync(provider);
        var older = await bed.PublishedAsync(bed.Draft("Bài cũ được ghim"));
        var hidden = await bed.CreateAsync(bed.Draft("Bài nháp được ghim"));
        var newer = await bed.PublishedAsync(bed.Draft("Bài mới được ghim"));
        var id = await bed.PublishedAsync(bed.Draft("Bài chính"));
        var data = await bed.EditDataAsync(id);
        var writer = bed.Get<ArticleWriter>();

        var self = await writer.SaveAsync(id, data.Draft with { PinnedRelatedIds = [older, id] }, data.Version, NewsroomTestBed.Editor, Ct);
        var missing = await bed.Get<ArticleWriter>().SaveAsync(id, data.Draft with { PinnedRelatedIds = [987654] }, data.Version, NewsroomTestBed.Editor, Ct);
        var tooMany = await bed.Get<ArticleWriter>().SaveAsync(id, data.Draft with { PinnedRelatedIds = [1, 2, 3, 4, 5, 6] }, data.Version, NewsroomTestBed.Editor, Ct);
        var pinned = await bed.Get<ArticleWriter>().SaveAsync(id, data.Draft with { PinnedRelatedIds = [older, hidden, newer] }, data.Version, NewsroomTestBed.Editor, Ct);

        Assert.Equal("Không thể ghim chính bài này làm tin liên quan.", self.Message);
        Assert.Contains("987654", missing.Message);
        Assert.Contains("tối đa", tooMany.Message);
        Assert.True(pinned.Succeeded, pinned.Message);
        Assert.Equal([older, hidden, newer], (await bed.EditDataAsync(id)).Draft.PinnedRelatedIds);
        Assert.Equal([older, newer], (await bed.Get<ArticleService>().GetPinnedRelatedAsync(id, Ct)).Select(a => a.Id));

        // Reordered: the order is the editor's, not the publish times'.
        var reordered = await bed.EditDataAsync(id);
        Assert.True((await bed.Get<ArticleWriter>().SaveAsync(id, reordered.Draft with { PinnedRelatedIds = [newer, older] }, reordered.Version, NewsroomTestBed.Editor, Ct)).Succeeded);
        Assert.Equal([newer, older], (await bed.Get<ArticleService>().GetPinnedRelatedAsync(id, Ct)).Select(a => a.Id));
    }
}
