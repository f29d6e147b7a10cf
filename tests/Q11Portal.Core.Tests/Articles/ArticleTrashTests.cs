using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Articles;

/// <summary>Thùng rác: delete moves to the trash, editors restore to the state it was deleted from, only admins purge,
/// the retention job purges after 30 days, and the audit log keeps every step with the title and the address.</summary>
public sealed class ArticleTrashTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DeleteThenRestore_UnpublishedArticle_GoesToTheTrashAndBackToUnpublished(DatabaseProvider provider)
    {
        await using var bed = await NewsroomTestBed.CreateAsync(provider);
        var id = await bed.PublishedAsync(bed.Draft("Hội nghị sơ kết công tác dân vận"));
        Assert.True((await bed.Get<NewsroomWorkflow>().UnpublishAsync(id, await bed.VersionAsync(id), NewsroomTestBed.Editor, null, Ct)).Succeeded);

        var deleted = await bed.Get<NewsroomWorkflow>().DeleteAsync(id, await bed.VersionAsync(id), NewsroomTestBed.Editor, Ct);

        Assert.True(deleted.Succeeded, deleted.Message);
        var db = bed.Read();
        var trashed = await db.Articles.SingleAsync(a => a.Id == id, Ct);
        Assert.Equal(ArticleStatus.Trashed, trashed.Status);
        Assert.Equal(ArticleStatus.Unpublished, trashed.TrashedFromStatus);
        Assert.Equal(NewsroomTestBed.Editor.UserName, trashed.TrashedBy);
        Assert.Equal(ContentChangeKind.Removed, (await db.ContentChanges.Where(c => c.ContentKind == ContentKind.Article && c.EntityId == id).OrderBy(c => c.Id).LastAsync(Ct)).Kind);
        Assert.DoesNotContain((await bed.Get<ArticleListQuery>().ListAsync(new ArticleListFilter(), Ct)).Items, a => a.Id == id);
        var listed = Assert.Single((await bed.Get<ArticleTrash>().ListAsync(1, Ct)).Items);
        Assert.Equal(ArticleStatus.Unpublished, listed.FromStatus);
        Assert.Equal(bed.Now.AddDays(ArticleTrash.RetentionDays), listed.PurgeAtUtc);
        // In the trash it cannot be edited or published.
        Assert.Equal(Outcome.Invalid, (await bed.Get<NewsroomWorkflow>().PublishAsync(id, trashed.Version, NewsroomTestBed.Admin, null, Ct)).Outcome);

        var byReporter = await bed.Get<ArticleTrash>().RestoreAsync(id, trashed.Version, NewsroomTestBed.Reporter, Ct);
        var stale = await bed.Get<ArticleTrash>().RestoreAsync(id, Guid.NewGuid(), NewsroomTestBed.Editor, Ct);
        var restored = await bed.Get<ArticleTrash>().RestoreAsync(id, trashed.Version, NewsroomTestBed.Editor, Ct);

        Assert.Equal(Outcome.Forbidden, byReporter.Outcome);
        Assert.Equal(Outcome.Conflict, stale.Outcome);
        Assert.True(restored.Succeeded, restored.Message);
        var back = await bed.Read().Articles.SingleAsync(a => a.Id == id, Ct);
        Assert.Equal(ArticleStatus.Unpublished, back.Status);
        Assert.Null(back.TrashedAtUtc);
        var actions = await bed.Read().AuditEntries.Where(e => e.EntityId == id.ToString()).Select(e => new { e.Action, e.UserName, e.Details }).ToListAsync(Ct);
        Assert.Contains(actions, e => e.Action == AuditActions.ArticleTrashed && e.Details!.Contains("/tin-tuc/" + back.Slug));
        Assert.Contains(actions, e => e.Action == AuditActions.ArticleUntrashed && e.UserName == NewsroomTestBed.Editor.UserName);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PurgeAsync_OnlyAdmins_RemovesTheArticleAndItsRows_AuditKeepsTitleSlugAndWho(DatabaseProvider provider)
    {
        await using var bed = await NewsroomTestBed.CreateAsync(provider);
        var keeper = await bed.PublishedAsync(bed.Draft("Bài vẫn giữ"));
        var id = await bed.CreateAsync(bed.Draft("Thông báo tuyển dụng viên chức năm 2026"), NewsroomTestBed.Reporter);
        var slug = (await bed.EditDataAsync(id)).CurrentSlug;
        var keeperData = await bed.EditDataAsync(keeper);
        Assert.True((await bed.Get<ArticleWriter>().SaveAsync(keeper, keeperData.Draft with { PinnedRelatedIds = [id] }, keeperData.Version, NewsroomTestBed.Editor, Ct)).Succeeded);
        Assert.True((await bed.Get<NewsroomWorkflow>().DeleteAsync(id, await bed.VersionAsync(id), NewsroomTestBed.Reporter, Ct)).Succeeded);

        var byEditor = await bed.Get<ArticleTrash>().PurgeAsync(id, NewsroomTestBed.Editor, Ct);
        var byAdmin = await bed.Get<ArticleTrash>().PurgeAsync(id, NewsroomTestBed.Admin, Ct);
        var again = await bed.Get<ArticleTrash>().PurgeAsync(id, NewsroomTestBed.Admin, Ct);
        var notTrashed = await bed.Get<ArticleTrash>().PurgeAsync(keeper, NewsroomTestBed.Admin, Ct);

        Assert.Equal(Outcome.Forbidden, byEditor.Outcome);
        Assert.True(byAdmin.Succeeded, byAdmin.Message);
        Assert.Equal(Outcome.NotFound, again.Outcome);
        Assert.Equal(Outcome.NotFound, notTrashed.Outcome);
        var db = bed.Read();
        Assert.False(await db.Articles.AnyAsync(a => a.Id == id, Ct));
        Assert.False(await db.ArticleRevisions.AnyAsync(r => r.ArticleId == id, Ct));
        Assert.False(await db.PinnedRelatedArticles.AnyAsync(p => p.PinnedArticleId == id, Ct));
        Assert.True(await db.Articles.AnyAsync(a => a.Id == keeper, Ct));
        var purge = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.ArticlePurged, Ct);
        Assert.Equal(NewsroomTestBed.Admin.UserName, purge.UserName);
        Assert.Contains("Thông báo tuyển dụng viên chức năm 2026", purge.Details);
        Assert.Contains("/tin-tuc/" + slug, purge.Details);
        Assert.Contains("phong-vien@q11.test", purge.Details);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PurgeExpiredAndEmpty_RetentionJobTakesOnlyThe30DayOld_AdminEmptiesTheRest(DatabaseProvider provider)
    {
        await using var bed = await NewsroomTestBed.CreateAsync(provider);
        var old = await bed.CreateAsync(bed.Draft("Bài xóa từ lâu"));
        Assert.True((await bed.Get<NewsroomWorkflow>().DeleteAsync(old, await bed.VersionAsync(old), NewsroomTestBed.Editor, Ct)).Succeeded);
        bed.Clock.Advance(TimeSpan.FromDays(ArticleTrash.RetentionDays - 1));
        var recent = await bed.CreateAsync(bed.Draft("Bài vừa xóa"));
        Assert.True((await bed.Get<NewsroomWorkflow>().DeleteAsync(recent, await bed.VersionAsync(recent), NewsroomTestBed.Editor, Ct)).Succeeded);
        var draft = await bed.CreateAsync(bed.Draft("Bài nháp còn dùng"));

        Assert.Equal(0, await bed.Get<ArticleTrash>().PurgeExpiredAsync(Ct));
        bed.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await bed.Get<ArticleTrash>().PurgeExpiredAsync(Ct));
        Assert.Equal(0, await bed.Get<ArticleTrash>().PurgeExpiredAsync(Ct));

        var db = bed.Read();
        Assert.False(await db.Articles.AnyAsync(a => a.Id == old, Ct));
        Assert.True(await db.Articles.AnyAsync(a => a.Id == recent, Ct));
        Assert.Equal(ArticleTrash.PurgeActorName, (await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.ArticlePurged, Ct)).UserName);

        Assert.Equal(Outcome.Forbidden, (await bed.Get<ArticleTrash>().EmptyAsync(NewsroomTestBed.Editor, Ct)).Outcome);
        var emptied = await bed.Get<ArticleTrash>().EmptyAsync(NewsroomTestBed.Admin, Ct);
        Assert.Equal(1, emptied.Value);
        Assert.False(await bed.Read().Articles.AnyAsync(a => a.Id == recent, Ct));
        Assert.True(await bed.Read().Articles.AnyAsync(a => a.Id == draft, Ct));
        Assert.Equal(2, await bed.Read().AuditEntries.CountAsync(e => e.Action == AuditActions.ArticlePurged, Ct));
    }
}
