using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Schedule;

/// <summary>Reading the work schedule: the published week for readers, any week and its history for editors.</summary>
public sealed class ScheduleService(PortalDbContext db)
{
    /// <summary>The week as readers see it; an empty frame when it is not published (or not drafted).</summary>
    public async Task<ScheduleWeekView> GetPublishedAsync(ScheduleWeekId week, CancellationToken ct)
    {
        var row = await db.ScheduleWeeks.AsNoTracking().Include(w => w.Entries)
            .SingleOrDefaultAsync(w => w.Year == week.Year && w.Week == week.Week && w.Status == ScheduleWeekStatus.Published, ct);
        return row is null ? ScheduleWeekView.Empty(week) : View(row);
    }

    public async Task<ScheduleWeekView?> GetForEditAsync(int rowId, CancellationToken ct)
    {
        var row = await db.ScheduleWeeks.AsNoTracking().Include(w => w.Entries).SingleOrDefaultAsync(w => w.Id == rowId, ct);
        return row is null ? null : View(row);
    }

    public Task<ScheduleEntryView?> FindEntryAsync(int entryId, CancellationToken ct) =>
        db.ScheduleEntries.AsNoTracking().Where(e => e.Id == entryId)
            .Select(e => new ScheduleEntryView(e.Id, e.Day, e.Session, e.StartTime, e.Content, e.ChairedBy, e.Attendees, e.Venue, e.PreparedBy, e.AdjustedAtUtc, e.CancelledAtUtc))
            .SingleOrDefaultAsync(ct);

    public Task<int> WeekOfEntryAsync(int entryId, CancellationToken ct) =>
        db.ScheduleEntries.Where(e => e.Id == entryId).Select(e => e.ScheduleWeekId).SingleOrDefaultAsync(ct);

    /// <summary>Weeks newest first, a page at a time.</summary>
    public async Task<ScheduleWeekPage> ListAsync(int page, int pageSize, CancellationToken ct)
    {
        var total = await db.ScheduleWeeks.CountAsync(ct);
        page = Paging.Clamp(page, total, pageSize);
        var rows = await db.ScheduleWeeks.AsNoTracking()
            .OrderByDescending(w => w.Year).ThenByDescending(w => w.Week)
            .Skip(Paging.Skip(page, pageSize)).Take(pageSize)
            .Select(w => new { w.Id, w.Year, w.Week, w.Status, Count = w.Entries.Count, w.PublishedAtUtc, w.AdjustedAtUtc, w.UpdatedAtUtc, w.UpdatedBy })
            .ToListAsync(ct);
        var items = rows.Select(w => new ScheduleWeekSummary(w.Id, new(w.Year, w.Week), w.Status, w.Count, w.PublishedAtUtc, w.AdjustedAtUtc, w.UpdatedAtUtc, w.UpdatedBy)).ToList();
        return new ScheduleWeekPage(items, total, page, pageSize);
    }

    public async Task<IReadOnlyList<ScheduleRevisionSummary>> ListRevisionsAsync(int rowId, CancellationToken ct) =>
        await db.ScheduleRevisions.AsNoTracking().Where(r => r.ScheduleWeekId == rowId).OrderByDescending(r => r.Number)
            .Select(r => new ScheduleRevisionSummary(r.Number, r.AtUtc, r.UserName, r.Summary, r.Status)).ToListAsync(ct);

    public async Task<ScheduleRevisionView?> GetRevisionAsync(int rowId, int number, CancellationToken ct)
    {
        var week = await db.ScheduleWeeks.AsNoTracking().Where(w => w.Id == rowId).Select(w => new { w.Year, w.Week, w.Note }).SingleOrDefaultAsync(ct);
        var revision = await db.ScheduleRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.ScheduleWeekId == rowId && r.Number == number, ct);
        if (week is null || revision is null)
        {
            return null;
        }

        var id = new ScheduleWeekId(week.Year, week.Week);
        var entries = JsonSerializer.Deserialize<List<ScheduleEntryView>>(revision.EntriesJson) ?? [];
        var summary = new ScheduleRevisionSummary(revision.Number, revision.AtUtc, revision.UserName, revision.Summary, revision.Status);
        return new(summary, new ScheduleWeekView(id, rowId, revision.Status, week.Note, null, null, revision.AtUtc, revision.UserName, ScheduleWeekView.Group(id, entries)));
    }

    private static ScheduleWeekView View(ScheduleWeek row)
    {
        var id = new ScheduleWeekId(row.Year, row.Week);
        return new(id, row.Id, row.Status, row.Note, row.PublishedAtUtc, row.AdjustedAtUtc, row.UpdatedAtUtc, row.UpdatedBy,
            ScheduleWeekView.Group(id, row.Entries.Select(ScheduleEntryView.From)));
    }
}
