using Q11Portal.Core.Common;

namespace Q11Portal.Core.Schedule;

/// <summary>What an editor typed for one schedule entry.</summary>
public sealed record ScheduleEntryInput(
    DateOnly? Day, ScheduleSession? Session, TimeOnly? StartTime, string? Content, string? ChairedBy, string? Attendees, string? Venue, string? PreparedBy);

/// <summary>The rules of a schedule entry, in one place for the editor and the seeder: a day inside the week, a session
/// that fits the time, a content with visible text, one-line fields cleaned like every other title.</summary>
public static class ScheduleEntryRules
{
    public const int ContentMaxLength = 2000;
    public const int AttendeesMaxLength = 1000;
    public const int FieldMaxLength = 300;

    public static string SessionName(ScheduleSession session) => session switch
    {
        ScheduleSession.Morning => "Sáng",
        ScheduleSession.Afternoon => "Chiều",
        ScheduleSession.Evening => "Tối",
        _ => session.ToString(),
    };

    /// <summary>The session a time of day belongs to: before noon morning, until 17:59 afternoon, then evening.</summary>
    public static ScheduleSession SessionOf(TimeOnly time) =>
        time.Hour < 12 ? ScheduleSession.Morning : time.Hour < 18 ? ScheduleSession.Afternoon : ScheduleSession.Evening;

    /// <summary>Checks and cleans <paramref name="input"/> into <paramref name="entry"/>; on failure the entry is untouched.</summary>
    public static Result Apply(ScheduleEntry entry, ScheduleEntryInput input, ScheduleWeekId week)
    {
        if (input.Day is not { } day || !week.Contains(day))
        {
            return Result.Invalid($"Hãy chọn một ngày trong {week.Label}.");
        }

        if (input.Session is not { } session || !Enum.IsDefined(session))
        {
            return Result.Invalid("Hãy chọn buổi: sáng, chiều hoặc tối.");
        }

        // 17:xx may be an afternoon session running late or an early evening one; otherwise the time decides.
        if (input.StartTime is { } time && SessionOf(time) != session && !(time.Hour == 17 && session == ScheduleSession.Evening))
        {
            return Result.Invalid($"Giờ {time:HH\\:mm} không thuộc buổi {SessionName(session).ToLowerInvariant()}; hãy sửa giờ hoặc chọn buổi {SessionName(SessionOf(time)).ToLowerInvariant()}.");
        }

        var content = TextRules.Block(input.Content);
        if (TextRules.Required("Nội dung công việc", content) is { } missing)
        {
            return Result.Invalid(missing);
        }

        if (content.Length > ContentMaxLength)
        {
            return Result.Invalid($"Nội dung công việc dài tối đa {ContentMaxLength:N0} ký tự (đang có {content.Length:N0}).");
        }

        var chair = Optional(input.ChairedBy);
        var attendees = TextRules.Block(input.Attendees) is { Length: > 0 } a ? a : null;
        var venue = Optional(input.Venue);
        var preparer = Optional(input.PreparedBy);
        foreach (var (value, label, max) in new[]
        {
            (chair, "Chủ trì", FieldMaxLength), (attendees, "Thành phần", AttendeesMaxLength),
            (venue, "Địa điểm", FieldMaxLength), (preparer, "Đơn vị chuẩn bị", FieldMaxLength),
        })
        {
            if (value?.Length > max)
            {
                return Result.Invalid($"{label} dài tối đa {max:N0} ký tự.");
            }
        }

        entry.Day = day;
        entry.Session = session;
        entry.StartTime = input.StartTime;
        entry.Content = content;
        entry.ChairedBy = chair;
        entry.Attendees = attendees;
        entry.Venue = venue;
        entry.PreparedBy = preparer;
        return Result.Ok;
    }

    private static string? Optional(string? text) => TextRules.Line(text) is { Length: > 0 } line && TextRules.HasVisible(line) ? line : null;
}
