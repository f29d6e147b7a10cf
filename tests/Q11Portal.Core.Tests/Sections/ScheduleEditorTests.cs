using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Schedule;
using Q11Portal.Testing;

namespace Q11Portal.Core.Tests.Sections;

public sealed class ScheduleEditorTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Wednesday 09/12/2026, 09:00 in Vietnam.
    private static readonly DateTimeOffset Start = new(2026, 12, 9, 2, 0, 0, TimeSpan.Zero);
    private static readonly ScheduleWeekId Week = new(2026, 50);

    private static ScheduleEntryInput Entry(string day, ScheduleSession session, string? time, string content) =>
        new(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), session,
            time is null ? null : TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture),
            content, "Đồng chí Bí thư Quận ủy", "Ban Thường vụ", "Hội trường Quận ủy", "Văn phòng Quận ủy");

    private static (ScheduleEditor Editor, ScheduleService Service, FakeTimeProvider Clock) Create(PortalDbContext db)
    {
        var clock = new FakeTimeProvider(Start);
        return (new ScheduleEditor(db, new AuditLog(db, clock, NullLogger<AuditLog>.Instance), clock), new ScheduleService(db), clock);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Publish_ThenChange_ReadersSeeOnlyPublished_ChangesMarkedAdjusted_HistoryAndAuditKept(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var (editor, service, clock) = Create(db);

        var id = (await editor.CreateWeekAsync(Week, false, "bientap", Ct)).Value;
        var meeting = (await editor.AddEntryAsync(id, Entry("2026-12-08", ScheduleSession.Morning, "08:00", "Hội nghị Ban Thường vụ"), "bientap", Ct)).Value;
        var visit = (await editor.AddEntryAsync(id, Entry("2026-12-10", ScheduleSession.Afternoon, "14:00", "Làm việc với Đảng ủy Phường 5"), "bientap", Ct)).Value;
        Assert.True((await editor.AddEntryAsync(id, Entry("2026-12-08", ScheduleSession.Morning, null, "Tiếp khách cả buổi"), "bientap", Ct)).Succeeded);

        Assert.False((await service.GetPublishedAsync(Week, Ct)).HasEntries);
        Assert.True((await editor.PublishAsync(id, "bientap", Ct)).Succeeded);
        var published = await service.GetPublishedAsync(Week, Ct);
        Assert.Equal(["Tiếp khách cả buổi", "Hội nghị Ban Thường vụ"], published.Days[1].Entries.Select(e => e.Content));
        Assert.Null(published.AdjustedAtUtc);
        Assert.All(published.Days.SelectMany(d => d.Entries), e => Assert.Null(e.AdjustedAtUtc));

        clock.Advance(TimeSpan.FromHours(3));
        Assert.True((await editor.UpdateEntryAsync(meeting, Entry("2026-12-08", ScheduleSession.Morning, "09:00", "Hội nghị Ban Thường vụ"), "bientap", Ct)).Succeeded);
        Assert.True((await editor.RemoveEntryAsync(visit, "bientap", Ct)).Succeeded);

        var adjusted = await service.GetPublishedAsync(Week, Ct);
        var now = clock.GetUtcNow().UtcDateTime;
        Assert.Equal(now, adjusted.AdjustedAtUtc);
        var moved = adjusted.Days[1].Entries.Single(e => e.Id == meeting);
        Assert.Equal(new TimeOnly(9, 0), moved.StartTime);
        Assert.Equal(now, moved.AdjustedAtUtc);
        // A published entry that is called off stays, marked, so nobody misses the change.
        Assert.Equal(now, adjusted.Days[3].Entries.Single().CancelledAtUtc);

        var history = await service.ListRevisionsAsync(id, Ct);
        Assert.Equal([7, 6, 5, 4, 3, 2, 1], history.Select(r => r.Number));
        Assert.StartsWith("Hủy: ", history[0].Summary);
        var beforeChange = await service.GetRevisionAsync(id, 5, Ct);
        Assert.Equal(new TimeOnly(8, 0), beforeChange!.Week.Days[1].Entries.Single(e => e.Content == "Hội nghị Ban Thường vụ").StartTime);
        Assert.Equal(ScheduleWeekStatus.Published, beforeChange.Revision.Status);

        var actions = await db.AuditEntries.Where(a => a.EntityType == nameof(ScheduleWeek)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct);
        Assert.Equal(["schedule.create", "schedule.entry.add", "schedule.entry.add", "schedule.entry.add", "schedule.publish", "schedule.entry.update", "schedule.entry.remove"], actions);

        Assert.True((await editor.WithdrawAsync(id, "bientap", Ct)).Succeeded);
        Assert.False((await service.GetPublishedAsync(Week, Ct)).HasEntries);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Commands_BadInput_AreRefusedInVietnamese_AndChangeNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var (editor, service, _) = Create(db);
        var id = (await editor.CreateWeekAsync(Week, false, "bientap", Ct)).Value;

        var emptyPublish = await editor.PublishAsync(id, "bientap", Ct);
        var outside = await editor.AddEntryAsync(id, Entry("2026-12-14", ScheduleSession.Morning, null, "Họp"), "bientap", Ct);
        var wrongSession = await editor.AddEntryAsync(id, Entry("2026-12-08", ScheduleSession.Morning, "14:30", "Họp"), "bientap", Ct);
        var invisible = await editor.AddEntryAsync(id, Entry("2026-12-08", ScheduleSession.Morning, null, "\u200B \u0301"), "bientap", Ct);
        var missingWeek = await editor.AddEntryAsync(id + 100, Entry("2026-12-08", ScheduleSession.Morning, null, "Họp"), "bientap", Ct);

        Assert.Equal(Outcome.Invalid, emptyPublish.Outcome);
        Assert.Contains("chưa có mục nào", emptyPublish.Message);
        Assert.Contains("Tuần 50 (07/12/2026 – 13/12/2026)", outside.Message);
        Assert.Contains("không thuộc buổi sáng", wrongSession.Message);
        Assert.Equal(Outcome.Invalid, invisible.Outcome);
        Assert.Equal(Outcome.NotFound, missingWeek.Outcome);
        Assert.False((await service.GetForEditAsync(id, Ct))!.HasEntries);
        Assert.Single(await service.ListRevisionsAsync(id, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CreateWeek_CopyPrevious_CopiesLiveEntriesAWeekLater_AndOpeningTwiceGivesTheSameWeek(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var (editor, service, _) = Create(db);
        var first = (await editor.CreateWeekAsync(Week, false, "bientap", Ct)).Value;
        await editor.AddEntryAsync(first, Entry("2026-12-11", ScheduleSession.Evening, "19:00", "Dự chương trình văn nghệ"), "bientap", Ct);

        var next = (await editor.CreateWeekAsync(Week.Next, true, "bientap", Ct)).Value;
        var again = (await editor.CreateWeekAsync(Week.Next, false, "bientap", Ct)).Value;

        Assert.Equal(next, again);
        var copied = (await service.GetForEditAsync(next, Ct))!.Days.SelectMany(d => d.Entries).Single();
        Assert.Equal(new DateOnly(2026, 12, 18), copied.Day);
        Assert.Equal("Dự chương trình văn nghệ", copied.Content);
    }
}
