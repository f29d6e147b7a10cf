namespace Q11Portal.Core.Schedule;

/// <summary>One ISO week of the Standing Committee's work schedule (Lịch công tác của Ban Thường vụ Quận ủy). Readers
/// see it only once published; a change after that marks the week and the entry as adjusted ("điều chỉnh").</summary>
public class ScheduleWeek
{
    public int Id { get; set; }
    /// <summary>The ISO week-numbering year (the year of the week's Thursday), in Vietnam time.</summary>
    public int Year { get; set; }
    public int Week { get; set; }
    public ScheduleWeekStatus Status { get; set; }
    /// <summary>A line shown above the week ("Lịch có thể thay đổi, đề nghị theo dõi thông báo").</summary>
    public string? Note { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    /// <summary>First publication; kept when the week is withdrawn and published again.</summary>
    public DateTime? PublishedAtUtc { get; set; }
    /// <summary>The last change made while the week was published; null while it was never changed after publishing.</summary>
    public DateTime? AdjustedAtUtc { get; set; }
    /// <summary>Concurrency token: two editors saving the same week do not overwrite each other silently.</summary>
    public Guid Version { get; set; }
    public List<ScheduleEntry> Entries { get; set; } = [];
    public List<ScheduleRevision> Revisions { get; set; } = [];
}

public enum ScheduleWeekStatus
{
    Draft = 0,
    Published = 1,
}

/// <summary>Buổi: the Vietnamese schedule groups a day's work by morning, afternoon and evening.</summary>
public enum ScheduleSession
{
    Morning = 0,
    Afternoon = 1,
    Evening = 2,
}

/// <summary>One item of the week: a meeting, a visit, a working session.</summary>
public class ScheduleEntry
{
    public int Id { get; set; }
    public int ScheduleWeekId { get; set; }
    public ScheduleWeek Week { get; set; } = null!;
    public DateOnly Day { get; set; }
    public ScheduleSession Session { get; set; }
    /// <summary>Start time in Vietnam time; null for "cả buổi".</summary>
    public TimeOnly? StartTime { get; set; }
    public string Content { get; set; } = string.Empty;
    /// <summary>Chủ trì.</summary>
    public string? ChairedBy { get; set; }
    /// <summary>Thành phần.</summary>
    public string? Attendees { get; set; }
    /// <summary>Địa điểm.</summary>
    public string? Venue { get; set; }
    /// <summary>Đơn vị chuẩn bị.</summary>
    public string? PreparedBy { get; set; }
    /// <summary>Set when the entry was added or changed while its week was published.</summary>
    public DateTime? AdjustedAtUtc { get; set; }
    /// <summary>Set when the entry was called off after publication: readers still see it, struck through, so nobody
    /// turns up to a meeting that silently vanished.</summary>
    public DateTime? CancelledAtUtc { get; set; }
}

/// <summary>The week as it stood after one change: who, when, what, and every entry (JSON), so editors can see how
/// the published schedule evolved.</summary>
public class ScheduleRevision
{
    public int Id { get; set; }
    public int ScheduleWeekId { get; set; }
    public int Number { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserName { get; set; }
    public string Summary { get; set; } = string.Empty;
    public ScheduleWeekStatus Status { get; set; }
    public string EntriesJson { get; set; } = "[]";
}
