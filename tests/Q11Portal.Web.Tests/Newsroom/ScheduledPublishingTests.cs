using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;
using Q11Portal.Core.Users;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Newsroom;

/// <summary>Must-show 4: a Hẹn giờ article becomes public within 60 s of its time with nobody visiting — on a fake
/// clock through rounds of the host's own <see cref="ScheduledPublisherService"/>, and once in real time.</summary>
public sealed class ScheduledPublishingTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Id, string Slug, DateTime PublishAtUtc)> ScheduleAsync(PortalAppFactory app, TimeProvider clock, TimeSpan ahead)
    {
        var category = await NewsroomSite.AddCategoryAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var actor = new StaffActor("scheduler-test", "bien-tap@q11.test", Roles.Editor);
        var created = await scope.ServiceProvider.GetRequiredService<ArticleWriter>().CreateAsync(new ArticleDraft("Thông báo lịch tiếp công dân tháng 12",
            "Sapo.", "<p>Nội dung hẹn giờ.</p>", category, null, null, ["Tiếp công dân"], "Ban biên tập", null, null), actor, Ct);
        Assert.True(created.Succeeded, created.Message);
        var id = created.Value!.ArticleId;
        var publishAtUtc = clock.GetUtcNow().UtcDateTime + ahead;
        var scheduled = await scope.ServiceProvider.GetRequiredService<NewsroomWorkflow>().ScheduleAsync(id, created.Value.Version, actor, publishAtUtc, Ct);
        Assert.True(scheduled.Succeeded, scheduled.Message);
        Assert.True(publishAtUtc > clock.GetUtcNow().UtcDateTime, "The test was too slow to schedule ahead.");
        var slug = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync(Ct);
        return (id, slug, publishAtUtc);
    }

    private static async Task<ArticleStatus> StatusAsync(PortalAppFactory app, int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync(Ct);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FakeClock_ScheduledArticle_IsPublishedByTheFirstRoundOfTheHostsJobAfterItsTime_WithinOneInterval(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));
        await using var app = await PortalAppFactory.CreateAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var (id, slug, publishAt) = await ScheduleAsync(app, clock, TimeSpan.FromMinutes(10));
        var job = app.Services.GetServices<IHostedService>().OfType<ScheduledPublisherService>().Single();
        var interval = TimeSpan.FromSeconds(app.Services.GetRequiredService<IOptions<NewsroomOptions>>().Value.SchedulerIntervalSeconds);
        Assert.InRange(interval, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

        // The job's rounds as its timer runs them, one per interval of fake time, called directly instead of waiting
        // for the timer's callback: none before the scheduled time publishes the article.
        while (clock.GetUtcNow().UtcDateTime + interval < publishAt)
        {
            clock.Advance(interval);
            await job.RunRoundNowAsync(Ct);
            Assert.Equal(ArticleStatus.Scheduled, await StatusAsync(app, id));
        }

        // The first round at or after the scheduled time publishes it: public at most one interval (≤ 60 s) late.
        clock.Advance(interval);
        await job.RunRoundNowAsync(Ct);
        Assert.Equal(ArticleStatus.Published, await StatusAsync(app, id));
        Assert.InRange(clock.GetUtcNow().UtcDateTime - publishAt, TimeSpan.Zero, TimeSpan.FromSeconds(60));
        var response = await app.CreateClient().GetAsync($"/tin-tuc/{slug}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RealTime_ScheduledArticle_GoesPublicWithin60Seconds_WithNoTraffic()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        // Start the host (and its scheduler) before scheduling, as a running site would be.
        _ = app.Services;
        var (id, slug, publishAt) = await ScheduleAsync(app, TimeProvider.System, TimeSpan.FromSeconds(3));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/tin-tuc/{slug}", Ct)).StatusCode);

        // No HTTP requests from here on: only the database is watched.
        while (await StatusAsync(app, id) != ArticleStatus.Published)
        {
            Assert.True(DateTime.UtcNow - publishAt < TimeSpan.FromSeconds(60), "The scheduled article was not public 60 s after its time.");
            await Task.Delay(500, Ct);
        }

        var late = DateTime.UtcNow - publishAt;
        Assert.InRange(late, TimeSpan.Zero, TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync($"/tin-tuc/{slug}", Ct)).StatusCode);
        TestContext.Current.SendDiagnosticMessage($"Scheduled article public {late.TotalSeconds:0.0} s after its time.");
    }
}
