using Q11Portal.Core.Schedule;

namespace Q11Portal.Core.Tests.Sections;

public sealed class ScheduleWeekIdTests
{
    [Theory]
    [InlineData("2026-12-07", 2026, 50, "2026-12-07")]
    [InlineData("2026-12-31", 2026, 53, "2026-12-28")]
    [InlineData("2027-01-03", 2026, 53, "2026-12-28")]
    [InlineData("2025-12-29", 2026, 1, "2025-12-29")]
    [InlineData("2024-12-30", 2025, 1, "2024-12-30")]
    public void Of_DayAtYearBoundary_GivesIsoWeekAndMonday(string day, int year, int week, string monday)
    {
        var id = ScheduleWeekId.Of(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new ScheduleWeekId(year, week), id);
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), id.Monday);
        Assert.Equal(id, id.Next.Previous);
        Assert.Equal(7, id.Days.Count());
    }

    [Fact]
    public void Containing_SundayEveningUtc_IsMondayInVietnam_SoTheNextWeek()
    {
        // 17:30 UTC on Sunday 27/12/2026 is 00:30 on Monday 28/12 in Hồ Chí Minh City.
        var id = ScheduleWeekId.Containing(new DateTime(2026, 12, 27, 17, 30, 0, DateTimeKind.Utc));

        Assert.Equal(new ScheduleWeekId(2026, 53), id);
    }

    [Theory]
    [InlineData("2026-w49", true, 2026, 49)]
    [InlineData("2026-W49", true, 2026, 49)]
    [InlineData("2026-W9", true, 2026, 9)]
    [InlineData("2026-W53", true, 2026, 53)]
    [InlineData("2025-W53", false, 0, 0)]
    [InlineData("2026-W00", false, 0, 0)]
    [InlineData("1999-W10", false, 0, 0)]
    [InlineData("2026-49", false, 0, 0)]
    [InlineData("2026-W-4", false, 0, 0)]
    [InlineData("tuần 49", false, 0, 0)]
    [InlineData("", false, 0, 0)]
    [InlineData(null, false, 0, 0)]
    public void TryParse_WeekText_ReadsOnlyRealIsoWeeks(string? text, bool ok, int year, int week)
    {
        Assert.Equal(ok, ScheduleWeekId.TryParse(text, out var id));
        if (ok)
        {
            Assert.Equal(new ScheduleWeekId(year, week), id);
            Assert.Equal($"{year}-w{week:D2}", id.UrlToken);
        }
    }
}
