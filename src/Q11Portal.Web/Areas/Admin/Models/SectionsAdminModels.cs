using Q11Portal.Core.Letters;
using Q11Portal.Core.Pages;
using Q11Portal.Core.Schedule;

namespace Q11Portal.Web.Areas.Admin.Models;

/// <summary>One schedule entry as the editor's form posts it. Day and time arrive as text so that a value the browser
/// did not check (an old browser, a hand-made post) comes back in the form with a message instead of being lost.</summary>
public sealed class ScheduleEntryForm
{
    public string? Day { get; set; }
    public ScheduleSession? Session { get; set; }
    public string? StartTime { get; set; }
    public string? Content { get; set; }
    public string? ChairedBy { get; set; }
    public string? Attendees { get; set; }
    public string? Venue { get; set; }
    public string? PreparedBy { get; set; }

    public static ScheduleEntryForm From(ScheduleEntryView e) => new()
    {
        Day = Core.Common.VietnameseDates.UrlDate(e.Day),
        Session = e.Session,
        StartTime = e.StartTime?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        Content = e.Content,
        ChairedBy = e.ChairedBy,
        Attendees = e.Attendees,
        Venue = e.Venue,
        PreparedBy = e.PreparedBy,
    };

    /// <summary>The Core input, or a Vietnamese message when the day or time cannot be read.</summary>
    public (ScheduleEntryInput? Input, string? Problem) ToInput()
    {
        DateOnly? day = null;
        if (!string.IsNullOrWhiteSpace(Day))
        {
            if (!Core.Common.VietnameseDates.TryParseDay(Day, out var parsed))
            {
                return (null, $"Không đọc được ngày “{Day}”; hãy chọn ngày trong danh sách.");
            }

            day = parsed;
        }

        TimeOnly? time = null;
        if (!string.IsNullOrWhiteSpace(StartTime))
        {
            if (!TimeOnly.TryParseExact(StartTime.Trim(), ["HH:mm", "H:mm", "HH:mm:ss", "H'g'mm", "HH'g'mm"], System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var parsed))
            {
                return (null, $"Không đọc được giờ “{StartTime}”; hãy nhập theo dạng 08:00 hoặc để trống nếu cả buổi.");
            }

            time = parsed;
        }

        return (new ScheduleEntryInput(day, Session, time, Content, ChairedBy, Attendees, Venue, PreparedBy), null);
    }
}

public sealed record ScheduleAdminListViewModel(ScheduleWeekPage Weeks, ScheduleWeekId CurrentWeek, string? TypedWeek);

/// <param name="EditingEntryId">The entry whose form is open (null: the "add" form).</param>
public sealed record ScheduleAdminWeekViewModel(ScheduleWeekView Week, ScheduleEntryForm Form, int? EditingEntryId, DateOnly Today, string? Note);

public sealed record ScheduleHistoryViewModel(ScheduleWeekView Week, IReadOnlyList<ScheduleRevisionSummary> Revisions);

public sealed class SitePageForm
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Summary { get; set; }
    public string? BodyHtml { get; set; }
    public PagePlacement Placement { get; set; }
    public int SortOrder { get; set; }
    public bool IsPublished { get; set; }
    public Guid Version { get; set; }

    public SitePageInput ToInput() => new(Title, Slug, Summary, BodyHtml, Placement, SortOrder, IsPublished);

    public static SitePageForm From(SitePageView p) => new()
    {
        Title = p.Title, Slug = p.Slug, Summary = p.Summary, BodyHtml = p.BodyHtml, Placement = p.Placement, SortOrder = p.SortOrder,
        IsPublished = p.IsPublished, Version = p.Version,
    };
}

/// <param name="Page">Null while creating.</param>
public sealed record SitePageEditViewModel(SitePageView? Page, SitePageForm Form);

public sealed record SitePageRevisionsViewModel(SitePageView Page, IReadOnlyList<SitePageRevisionSummary> Revisions, SitePageRevisionView? Open);

public sealed record LetterListViewModel(LetterPage Letters, LetterStatus? Status);

public sealed record LetterDetailsViewModel(Letter Letter, string? Note);
