using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Schedule;

/// <summary>Editors' commands on the work schedule. A week is drafted, then published; once published every change
/// marks the entry and the week "điều chỉnh" with its time, and a removed entry stays visible as cancelled. Every
/// command writes a revision (the whole week after it) and an audit entry, in the same save.</summary>
public sealed class ScheduleEditor(PortalDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int NoteMaxLength = 500;

    /// <summary>Opens the week for drafting; the value is its row id. A week that already exists is simply opened.
    /// With <paramref name="copyPrevious"/> a new week starts with the previous week's live entries, a week later.</summary>
    public async Task<Result<int>> CreateWeekAsync(ScheduleWeekId week, bool copyPrevious, string? userName, CancellationToken ct)
    {
        if (await db.ScheduleWeeks.Where(w => w.Year == week.Year && w.Week == week.Week).Select(w => (int?)w.Id).SingleOrDefaultAsync(ct) is { } existing)
        {
            return existing;
        }

        var now = Now;
        var row = new ScheduleWeek { Year = week.Year, Week = week.Week, CreatedAtUtc = now, UpdatedAtUtc = now, UpdatedBy = userName, Version = Guid.NewGuid() };
        if (copyPrevious)
        {
            var previous = week.Previous;
            var source = await db.ScheduleEntries.AsNoTracking()
                .Where(e => e.Week.Year == previous.Year && e.Week.Week == previous.Week && e.CancelledAtUtc == null).ToListAsync(ct);
            row.Entries.AddRange(source.Select(e => new ScheduleEntry
            {
                Day = e.Day.AddDays(7), Session = e.Session, StartTime = e.StartTime, Content = e.Content, ChairedBy = e.ChairedBy,
                Attendees = e.Attendees, Venue = e.Venue, PreparedBy = e.PreparedBy,
            }));
        }

        db.ScheduleWeeks.Add(row);
        AddRevision(row, 1, userName, copyPrevious ? $"Tạo lịch tuần (sao chép {row.Entries.Count} mục từ tuần trước)" : "Tạo lịch tuần");
        audit.Add(userName, AuditActions.ScheduleWeekCreated, nameof(ScheduleWeek), week.InputValue, week.Label);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another editor opened the same week a moment earlier: open theirs.
            db.ChangeTracker.Clear();
            var theirs = await db.ScheduleWeeks.Where(w => w.Year == week.Year && w.Week == week.Week).Select(w => (int?)w.Id).SingleOrDefaultAsync(ct);
            return theirs is { } id ? id : Result<int>.From(Result.Conflict("Không tạo được lịch tuần; hãy thử lại."));
        }

        return row.Id;
    }

    public Task<Result> UpdateNoteAsync(int rowId, string? note, string? userName, CancellationToken ct) =>
        ChangeWeekAsync(rowId, userName, AuditActions.ScheduleWeekNote, ct, week =>
        {
            var clean = TextRules.Line(note);
            if (clean.Length > NoteMaxLength)
            {
                return Result.Invalid($"Ghi chú của tuần dài tối đa {NoteMaxLength} ký tự.");
            }

            week.Note = clean.Length == 0 ? null : clean;
            MarkAdjusted(week, null);
            return Result.Ok;
        }, _ => "Sửa ghi chú của tuần");

    /// <summary>Adds an entry; the value is the entry's id.</summary>
    public async Task<Result<int>> AddEntryAsync(int rowId, ScheduleEntryInput input, string? userName, CancellationToken ct)
    {
        var entry = new ScheduleEntry();
        var result = await ChangeWeekAsync(rowId, userName, AuditActions.ScheduleEntryAdded, ct, week =>
        {
            var applied = ScheduleEntryRules.Apply(entry, input, IdOf(week));
            if (applied.Succeeded)
            {
                week.Entries.Add(entry);
                MarkAdjusted(week, entry);
            }

            return applied;
        }, week => $"Thêm: {Describe(entry)}");
        return result.Succeeded ? entry.Id : Result<int>.From(result);
    }

    public async Task<Result> UpdateEntryAsync(int entryId, ScheduleEntryInput input, string? userName, CancellationToken ct)
    {
        var rowId = await db.ScheduleEntries.Where(e => e.Id == entryId).Select(e => (int?)e.ScheduleWeekId).SingleOrDefaultAsync(ct);
        if (rowId is null)
        {
            return EntryNotFound;
        }

        ScheduleEntry? entry = null;
        return await ChangeWeekAsync(rowId.Value, userName, AuditActions.ScheduleEntryUpdated, ct, week =>
        {
            entry = week.Entries.Single(e => e.Id == entryId);
            var applied = ScheduleEntryRules.Apply(entry, input, IdOf(week));
            if (applied.Succeeded)
            {
                entry.CancelledAtUtc = null;
                MarkAdjusted(week, entry);
            }

            return applied;
        }, _ => $"Sửa: {Describe(entry!)}");
    }

    /// <summary>Removes an entry from a draft; on a published week the entry stays, marked cancelled.</summary>
    public async Task<Result> RemoveEntryAsync(int entryId, string? userName, CancellationToken ct)
    {
        var rowId = await db.ScheduleEntries.Where(e => e.Id == entryId).Select(e => (int?)e.ScheduleWeekId).SingleOrDefaultAsync(ct);
        if (rowId is null)
        {
            return EntryNotFound;
        }

        ScheduleEntry? entry = null;
        return await ChangeWeekAsync(rowId.Value, userName, AuditActions.ScheduleEntryRemoved, ct, week =>
        {
            entry = week.Entries.Single(e => e.Id == entryId);
            if (week.Status == ScheduleWeekStatus.Published)
            {
                if (entry.CancelledAtUtc is not null)
                {
                    return Result.Conflict("Mục này đã được đánh dấu hủy.");
                }

                entry.CancelledAtUtc = Now;
                MarkAdjusted(week, entry);
            }
            else
            {
                week.Entries.Remove(entry);
                db.ScheduleEntries.Remove(entry);
            }

            return Result.Ok;
        }, week => (week.Status == ScheduleWeekStatus.Published ? "Hủy: " : "Xóa: ") + Describe(entry!));
    }

    public Task<Result> PublishAsync(int rowId, string? userName, CancellationToken ct) =>
        ChangeWeekAsync(rowId, userName, AuditActions.SchedulePublished, ct, week =>
        {
            if (week.Status == ScheduleWeekStatus.Published)
            {
                return Result.Conflict("Lịch tuần này đã được công bố.");
            }

            if (week.Entries.Count == 0)
            {
                return Result.Invalid("Lịch tuần chưa có mục nào; hãy thêm nội dung trước khi công bố.");
            }

            week.Status = ScheduleWeekStatus.Published;
            week.PublishedAtUtc ??= Now;
            return Result.Ok;
        }, _ => "Công bố lịch tuần");

    /// <summary>Takes a published week off the public site (a wrong week went out); its history stays.</summary>
    public Task<Result> WithdrawAsync(int rowId, string? userName, CancellationToken ct) =>
        ChangeWeekAsync(rowId, userName, AuditActions.ScheduleWithdrawn, ct, week =>
        {
            if (week.Status != ScheduleWeekStatus.Published)
            {
                return Result.Conflict("Lịch tuần này chưa được công bố.");
            }

            week.Status = ScheduleWeekStatus.Draft;
            return Result.Ok;
        }, _ => "Thu hồi lịch tuần (không còn hiển thị công khai)");

    /// <summary>Loads the week with its entries, applies <paramref name="change"/>, then writes the revision and the
    /// audit entry and saves, all or nothing; a concurrent save of the same week answers Conflict.</summary>
    private async Task<Result> ChangeWeekAsync(int rowId, string? userName, string action, CancellationToken ct,
        Func<ScheduleWeek, Result> change, Func<ScheduleWeek, string> summary)
    {
        var week = await db.ScheduleWeeks.Include(w => w.Entries).SingleOrDefaultAsync(w => w.Id == rowId, ct);
        if (week is null)
        {
            return WeekNotFound;
        }

        var result = change(week);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return result;
        }

        week.UpdatedAtUtc = Now;
        week.UpdatedBy = userName;
        week.Version = Guid.NewGuid();
        var number = (await db.ScheduleRevisions.Where(r => r.ScheduleWeekId == rowId).MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
        // One save: the change, the revision and the audit entry stand or fall together. (A new entry's id is not known
        // yet; the snapshot is about what readers saw, which has no ids.)
        var text = summary(week);
        AddRevision(week, number, userName, text);
        audit.Add(userName, action, nameof(ScheduleWeek), IdOf(week).InputValue, text);
        // Readers see published weeks only, but a withdrawal must leave every node's cached pages too.
        ContentChangeLog.Record(db, ContentKind.Schedule, week.Id, clock);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Result.Conflict("Lịch tuần vừa được người khác thay đổi; hãy tải lại trang và làm lại thao tác.");
        }

        return Result.Ok;
    }

    private void AddRevision(ScheduleWeek week, int number, string? userName, string summary)
    {
        var entries = week.Entries.Select(ScheduleEntryView.From).ToList();
        var revision = new ScheduleRevision
        {
            Number = number,
            AtUtc = Now,
            UserName = userName,
            Summary = summary.Length > 500 ? summary[..499] + "…" : summary,
            Status = week.Status,
            EntriesJson = JsonSerializer.Serialize(entries),
        };
        if (week.Id == 0)
        {
            week.Revisions.Add(revision);
        }
        else
        {
            revision.ScheduleWeekId = week.Id;
            db.ScheduleRevisions.Add(revision);
        }
    }

    /// <summary>A change readers should notice: only once the week is public.</summary>
    private void MarkAdjusted(ScheduleWeek week, ScheduleEntry? entry)
    {
        if (week.Status != ScheduleWeekStatus.Published)
        {
            return;
        }

        week.AdjustedAtUtc = Now;
        if (entry is not null)
        {
            entry.AdjustedAtUtc = Now;
        }
    }

    private static ScheduleWeekId IdOf(ScheduleWeek week) => new(week.Year, week.Week);

    private static string Describe(ScheduleEntry e) =>
        $"{Common.VietnameseDates.LongDate(e.Day)}, {ScheduleEntryRules.SessionName(e.Session).ToLowerInvariant()}" +
        (e.StartTime is { } t ? $" {t:HH\\:mm}" : "") + $": {(e.Content.Length > 120 ? e.Content[..119] + "…" : e.Content)}";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static readonly Result WeekNotFound = Result.NotFound("Không tìm thấy lịch tuần này.");
    private static readonly Result EntryNotFound = Result.NotFound("Không tìm thấy mục lịch này; có thể đã bị xóa.");
}
