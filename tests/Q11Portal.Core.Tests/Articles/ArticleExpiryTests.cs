using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Search;
using Q11Portal.Core.Syndication;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Articles;

/// <summary>Hết hạn: an article leaves every public list at its expiry time, before the job runs; the job then
/// unpublishes it once, with its ContentChange and audit entry.</summary>
public sealed class ArticleExpiryTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ExpireDueAsync_AfterTheExpiryTime_HiddenAtOnceThenUnpublishedOnceWithChangeAndAudit(DatabaseProvider provider)
    {
        await using var bed = await NewsroomTestBed.CreateAsync(provider);
        var expiresAt = bed.Now.AddHours(2);
        var id = await bed.PublishedAsync(bed.Draft("Thông báo lịch tiếp công dân tháng 6") with { ExpiresAtUtc = expiresAt });
        var slug = (await bed.EditDataAsync(id)).CurrentSlug;
        Assert.NotNull((await bed.Get<ArticleService>().FindBySlugAsync(slug, Ct)).Article);
        Assert.Contains(bed.Get<SearchService>().Search(new SearchRequest("lịch tiếp công dân")).Hits, h => h.Id == id);
        Assert.Contains(await new SyndicationService(bed.Read(), bed.Clock).GetSitemapPageAsync(0, 100, Ct), e => e.Slug == slug);
        Assert.Empty(await bed.Get<ArticleExpiry>().ExpireDueAsync(Ct));

        bed.Clock.SetUtcNow(new DateTimeOffset(expiresAt));

        // Before the job: the rule already hides it from the page, lists, search and the sitemap.
        Assert.Null((await bed.Get<ArticleService>().FindBySlugAsync(slug, Ct)).Article);
        Assert.DoesNotContain(await bed.Get<ArticleService>().GetLatestAsync(10, Ct), a => a.Id == id);
        Assert.DoesNotContain(bed.Get<SearchService>().Search(new SearchRequest("lịch tiếp công dân")).Hits, h => h.Id == id);
        var syndication = new SyndicationService(bed.Read(), bed.Clock);
        Assert.DoesNotContain(await syndication.GetSitemapPageAsync(0, 100, Ct), e => e.Slug == slug);
        Assert.DoesNotContain(await syndication.GetLatestAsync(null, 30, Ct), e => e.Id == id);
        var changesBefore = await bed.Read().ContentChanges.CountAsync(c => c.ContentKind == ContentKind.Article && c.EntityId == id, Ct);

        Assert.Equal([id], await bed.Get<ArticleExpiry>().ExpireDueAsync(Ct));
        Assert.Empty(await bed.Get<ArticleExpiry>().ExpireDueAsync(Ct));

        var db = bed.Read();
        Assert.Equal(ArticleStatus.Unpublished, (await db.Articles.SingleAsync(a => a.Id == id, Ct)).Status);
        Assert.Equal(changesBefore + 1, await db.ContentChanges.CountAsync(c => c.ContentKind == ContentKind.Article && c.EntityId == id, Ct));
        Assert.Equal(ContentChangeKind.Removed, (await db.ContentChanges.Where(c => c.ContentKind == ContentKind.Article && c.EntityId == id).OrderBy(c => c.Id).LastAsync(Ct)).Kind);
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.ArticleExpired, Ct);
        Assert.Equal(ArticleExpiry.ActorName, audit.UserName);
        Assert.Contains("Thông báo lịch tiếp công dân", audit.Details);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SaveAsync_ExpiryNotAfterPublishOrAlreadyPast_RefusedInVietnamese(DatabaseProvider provider)
    {
        await using var bed = await NewsroomTestBed.CreateAsync(provider);
        var id = await bed.PublishedAsync(bed.Draft("Hội nghị sơ kết công tác dân vận"));
        var data = await bed.EditDataAsync(id);
        var writer = bed.Get<ArticleWriter>();

        var beforePublish = await writer.SaveAsync(id, data.Draft with { ExpiresAtUtc = data.Draft.PublishAtUtc!.Value.AddMinutes(-1) }, data.Version, NewsroomTestBed.Editor, Ct);
        bed.Clock.Advance(TimeSpan.FromHours(1));
        var past = await bed.Get<ArticleWriter>().SaveAsync(id, data.Draft with { ExpiresAtUtc = bed.Now.AddMinutes(-5) }, data.Version, NewsroomTestBed.Editor, Ct);
        var future = await bed.Get<ArticleWriter>().SaveAsync(id, data.Draft with { ExpiresAtUtc = bed.Now.AddDays(3) }, data.Version, NewsroomTestBed.Editor, Ct);

        Assert.Equal(Outcome.Invalid, beforePublish.Outcome);
        Assert.Equal("Thời điểm hết hạn phải sau thời điểm xuất bản.", beforePublish.Message);
        Assert.Equal(Outcome.Invalid, past.Outcome);
        Assert.Contains("Thời điểm hết hạn đã qua", past.Message);
        Assert.True(future.Succeeded, future.Message);
        Assert.Equal(bed.Now.AddDays(3), (await bed.EditDataAsync(id)).Draft.ExpiresAtUtc);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SaveAsync_ReporterOwnDraft_KeepsTheEditorialFieldsAnEditorSet(DatabaseProvider provider)
    {
        await using var bed = await NewsroomTestBed.CreateAsync(provider);
        var other = await bed.PublishedAsync(bed.Draft("Bài để ghim"));
        var id = await bed.CreateAsync(bed.Draft("Bài của phóng viên"), NewsroomTestBed.Reporter);
        var data = await bed.EditDataAsync(id);
        var editorSave = await bed.Get<ArticleWriter>().SaveAsync(id, data.Draft with
        {
            ExpiresAtUtc = bed.Now.AddDays(5), IsFeatured = true, FeaturedOrder = 2, PinnedRelatedIds = [other],
        }, data.Version, NewsroomTestBed.Editor, Ct);
        Assert.True(editorSave.Succeeded, editorSave.Message);

        var reporterSave = await bed.Get<ArticleWriter>().SaveAsync(id, data.Draft with { Title = "Bài của phóng viên (sửa)" },
            editorSave.Value!.Version, NewsroomTestBed.Reporter, Ct);

        Assert.True(reporterSave.Succeeded, reporterSave.Message);
        var after = (await bed.EditDataAsync(id)).Draft;
        Assert.Equal("Bài của phóng viên (sửa)", after.Title);
        Assert.Equal(bed.Now.AddDays(5), after.ExpiresAtUtc);
        Assert.True(after.IsFeatured);
        Assert.Equal(2, after.FeaturedOrder);
        Assert.Equal([other], after.PinnedRelatedIds);
    }
}
