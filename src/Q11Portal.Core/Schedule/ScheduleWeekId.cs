using System.Globalization;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Schedule;

/// <summary>An ISO 8601 week (Monday to Sunday) of the Vietnam calendar. Week 1 is the week with the year's first
/// Thursday, so 29/12/2025 belongs to 2026-W01 and 01/01/2027 to 2026-W53.</summary>
public readonly record struct ScheduleWeekId(int Year, int Week)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public DateOnly Sunday => Monday.AddDays(6);

    public IEnumerable<DateOnly> Days => Enumerable.Range(0, 7).Select(Monday.AddDays);

    public ScheduleWeekId Previous => Of(Monday.AddDays(-7));

    public ScheduleWeekId Next => Of(Monday.AddDays(7));

    public bool Contains(DateOnly day) => day >= Monday && day <= Sunday;

    /// <summary>"2026-w49": the form in public URLs (lower case like every other portal URL).</summary>
    public string UrlToken => string.Create(CultureInfo.InvariantCulture, $"{Year}-w{Week:D2}");

    /// <summary>"2026-W49": the value of an HTML week picker.</summary>
    public string InputValue => string.Create(CultureInfo.InvariantCulture, $"{Year}-W{Week:D2}");

    /// <summary>"Tuần 49 (30/11/2026 – 06/12/2026)".</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"Tuần {Week} ({Monday:dd/MM/yyyy} – {Sunday:dd/MM/yyyy})");

    public static ScheduleWeekId Of(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return new(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
    }

    /// <summary>The week that holds the Vietnam day of <paramref name="utc"/>.</summary>
    public static ScheduleWeekId Containing(DateTime utc) => Of(LocalTime.LocalDay(utc));

    /// <summary>Reads "2026-w49", "2026-W49" or "2026-W9"; false for anything else, a week the year does not have, or a
    /// year outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</summary>
    public static bool TryParse(string? text, out ScheduleWeekId week)
    {
        week = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 8)
        {
            return false;
        }

        var parts = text.Trim().Split('-');
        if (parts.Length != 2 || parts[1].Length < 2 || (parts[1][0] != 'w' && parts[1][0] != 'W')
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        if (year is < MinYear or > MaxYear || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = new(year, number);
        return true;
    }

    public override string ToString() => InputValue;
}
