namespace Q11Portal.Core.Schedule;

public sealed record ScheduleEntryView(
    int Id, DateOnly Day, ScheduleSession Session, TimeOnly? StartTime, string Content, string? ChairedBy, string? Attendees,
    string? Venue, string? PreparedBy, DateTime? AdjustedAtUtc, DateTime? CancelledAtUtc)
{
    public static ScheduleEntryView From(ScheduleEntry e) =>
        new(e.Id, e.Day, e.Session, e.StartTime, e.Content, e.ChairedBy, e.Attendees, e.Venue, e.PreparedBy, e.AdjustedAtUtc, e.CancelledAtUtc);

    /// <summary>Reading order within a day: session, then a session's all-day items before the timed ones, then time.</summary>
    public static IOrderedEnumerable<ScheduleEntryView> InReadingOrder(IEnumerable<ScheduleEntryView> entries) =>
        entries.OrderBy(e => e.Day).ThenBy(e => e.Session).ThenBy(e => e.StartTime.HasValue).ThenBy(e => e.StartTime).ThenBy(e => e.Id);
}

public sealed record ScheduleDayView(DateOnly Day, IReadOnlyList<ScheduleEntryView> Entries);

/// <summary>A week as readers or editors see it. <see cref="RowId"/> and <see cref="Status"/> are null for a week
/// nobody has drafted yet (the reader still gets the week's frame and its neighbours).</summary>
public sealed record ScheduleWeekView(
    ScheduleWeekId Week, int? RowId, ScheduleWeekStatus? Status, string? Note, DateTime? PublishedAtUtc, DateTime? AdjustedAtUtc,
    DateTime? UpdatedAtUtc, string? UpdatedBy, IReadOnlyList<ScheduleDayView> Days)
{
    public bool HasEntries => Days.Any(d => d.Entries.Count > 0);

    public static ScheduleWeekView Empty(ScheduleWeekId week) =>
        new(week, null, null, null, null, null, null, null, Group(week, []));

    public static IReadOnlyList<ScheduleDayView> Group(ScheduleWeekId week, IEnumerable<ScheduleEntryView> entries)
    {
        var byDay = ScheduleEntryView.InReadingOrder(entries).ToLookup(e => e.Day);
        return week.Days.Select(d => new ScheduleDayView(d, byDay[d].ToList())).ToList();
    }
}

public sealed record ScheduleWeekSummary(
    int RowId, ScheduleWeekId Week, ScheduleWeekStatus Status, int EntryCount, DateTime? PublishedAtUtc, DateTime? AdjustedAtUtc, DateTime UpdatedAtUtc, string? UpdatedBy);

public sealed record ScheduleWeekPage(IReadOnlyList<ScheduleWeekSummary> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Common.Paging.PageCount(Total, PageSize);
}

public sealed record ScheduleRevisionSummary(int Number, DateTime AtUtc, string? UserName, string Summary, ScheduleWeekStatus Status);

public sealed record ScheduleRevisionView(ScheduleRevisionSummary Revision, ScheduleWeekView Week);
