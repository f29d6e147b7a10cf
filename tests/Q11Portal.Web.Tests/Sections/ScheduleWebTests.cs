using System.Net;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Common;
using Q11Portal.Core.Schedule;
using Q11Portal.Core.Users;
using Q11Portal.Web.Tests.Infrastructure;
using static Q11Portal.Web.Tests.SiteAdmin.SiteAdminTestSupport;

namespace Q11Portal.Web.Tests.Sections;

public sealed class ScheduleWebTests
{
    private static ScheduleWeekId ThisWeek => ScheduleWeekId.Containing(DateTime.UtcNow);

    private static (string, string)[] Entry(DateOnly day, string session, string time, string content) =>
    [
        ("Day", VietnameseDates.UrlDate(day)), ("Session", session), ("StartTime", time), ("Content", content),
        ("ChairedBy", "Đồng chí Bí thư Quận ủy"), ("Attendees", "Ban Thường vụ Quận ủy"), ("Venue", "Hội trường Quận ủy"), ("PreparedBy", "Văn phòng Quận ủy"),
    ];

    /// <summary>Opens this week in the admin area; the value is its row id.</summary>
    internal static async Task<int> OpenWeekAsync(HttpClient editor, ScheduleWeekId week)
    {
        var created = await PostAsync(editor, "/admin/schedule", "/admin/schedule/create", ("week", week.InputValue));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return int.Parse(created.Headers.Location!.OriginalString.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task EditorDraftsPublishesAndAdjusts_ReaderSeesOnlyPublished_WithAdjustedMarkAndWeekNavigation()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        var reader = Staff.Client(app);
        var week = ThisWeek;
        var id = await OpenWeekAsync(editor, week);
        var page = $"/admin/schedule/{id}";

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(editor, page, $"{page}/entries", Entry(week.Monday, "Morning", "08:00", "Hội nghị Ban Thường vụ Quận ủy thường kỳ"))).StatusCode);
        var draft = await PageAsync(reader, "/lich-cong-tac");
        Assert.Contains("Chưa có lịch công tác được công bố", draft.QuerySelector(".schedule__empty")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(editor, page, $"{page}/publish")).StatusCode);
        var published = await PageAsync(reader, "/lich-cong-tac");
        Assert.Contains("Hội nghị Ban Thường vụ Quận ủy thường kỳ", published.QuerySelector(".schedule-table")!.TextContent);
        Assert.Null(published.QuerySelector(".schedule-flag"));
        Assert.Equal($"/lich-cong-tac/{week.Previous.UrlToken}", published.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal($"/lich-cong-tac/{week.Next.UrlToken}", published.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        var today = LocalTime.LocalDay(DateTime.UtcNow);
        Assert.Equal(VietnameseDates.UrlDate(today), published.QuerySelector(".schedule-day.is-today time[aria-current=date]")!.GetAttribute("datetime"));

        var entryId = await WithDbAsync(app, db => db.ScheduleEntries.Select(e => e.Id).SingleAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(editor, page, $"/admin/schedule/entries/{entryId}/edit", Entry(week.Monday, "Morning", "09:30", "Hội nghị Ban Thường vụ Quận ủy thường kỳ"))).StatusCode);
        var adjusted = await PageAsync(reader, "/lich-cong-tac/" + week.UrlToken);
        Assert.StartsWith("Điều chỉnh lúc", adjusted.QuerySelector(".schedule-entry .schedule-flag")!.TextContent.Trim());
        Assert.Contains("09g30", adjusted.QuerySelector(".schedule-entry__when")!.TextContent);
        Assert.Contains("Lịch đã được điều chỉnh", adjusted.QuerySelector(".schedule__adjusted")!.TextContent);

        var history = await PageAsync(editor, $"{page}/history");
        Assert.Equal(4, history.QuerySelectorAll("tbody tr").Length);
        var first = await PageAsync(editor, $"{page}/history/2");
        Assert.Contains("08:00", first.QuerySelector(".schedule-admin")!.TextContent);

        var print = await PageAsync(reader, $"/lich-cong-tac/{week.UrlToken}?in=1");
        Assert.NotNull(print.QuerySelector("body.print-view .schedule-table"));
        Assert.Null(print.QuerySelector(".schedule__nav"));
        Assert.Contains("Trở về lịch công tác", print.QuerySelector(".print-header__back")!.TextContent);
    }

    [Fact]
    public async Task EntryForm_BadInput_ComesBackWithVietnameseMessageAndTypedText_AndNothingIsSaved()
    {
        await using var app = await PortalAppFactory.CreateAsync();
        var editor = await Staff.SignedInAsync(app, Roles.Editor);
        var week = ThisWeek;
        var id = await OpenWeekAsync(editor, week);
        var page = $"/admin/schedule/{id}";

        var badTime = await PostAsync(editor, page, $"{page}/entries", Entry(week.Monday, "Morning", "25:99", "Làm việc với Đảng ủy Phường 5"));
        var wrongSession = await PostAsync(editor, page, $"{page}/entries", Entry(week.Monday, "Morning", "15:00", "Làm việc với Đảng ủy Phường 7"));
        var badSession = await PostAsync(editor, page, $"{page}/entries", Entry(week.Monday, "Khuya", "08:00", "Làm việc với Đảng ủy Phường 9"));
        var outside = await PostAsync(editor, page, $"{page}/entries", Entry(week.Next.Monday, "Morning", "08:00", "Làm việc với Đảng ủy Phường 11"));
        var badWeek = await PostAsync(editor, "/admin/schedule", "/admin/schedule/create", ("week", "tuần 99"));

        Assert.Contains("Không đọc được giờ “25:99”", await ErrorsAsync(badTime));
        Assert.Contains("Giờ 15:00 không thuộc buổi sáng", await ErrorsAsync(wrongSession));
        Assert.Contains("Buổi đã chọn không hợp lệ", await ErrorsAsync(badSession));
        Assert.Contains("Hãy chọn một ngày trong Tuần", await ErrorsAsync(outside));
        Assert.Contains("Không đọc được tuần “tuần 99”", await ErrorsAsync(badWeek));
        var again = Parse(await wrongSession.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Làm việc với Đảng ủy Phường 7", again.QuerySelector("#Content")!.TextContent);
        Assert.Equal("15:00", again.QuerySelector("#StartTime")!.GetAttribute("value"));
        Assert.Equal("Đồng chí Bí thư Quận ủy", again.QuerySelector("#ChairedBy")!.GetAttribute("value"));
        Assert.Equal("tuần 99", Parse(await badWeek.Content.ReadAsStringAsync(Ct)).QuerySelector("#week")!.GetAttribute("value"));
        Assert.Equal(0, await WithDbAsync(app, db => db.ScheduleEntries.CountAsync(Ct)));
    }

    [Theory]
    [InlineData("/lich-cong-tac/2026-W49", 301, "/lich-cong-tac/2026-w49")]
    [InlineData("/lich-cong-tac/2026-w9", 301, "/lich-cong-tac/2026-w09")]
    [InlineData("/lich-cong-tac/2025-w53", 404, null)]
    [InlineData("/lich-cong-tac/tuan-nay", 404, null)]
    [InlineData("/lich-cong-tac/2026-w49", 200, null)]
    [InlineData("/lich-cong-tac?tuan=2026-W50", 302, "/lich-cong-tac/2026-w50")]
    [InlineData("/lich-cong-tac?tuan=abc", 400, null)]
    public async Task WeekAddress_OddForms_AreRedirectedOrRefusedInVietnamese(string url, int status, string? location)
    {
        await using var app = await PortalAppFactory.CreateAsync();

        var response = await Staff.Client(app).GetAsync(url, Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
        if (status == 400)
        {
            var html = Parse(await response.Content.ReadAsStringAsync(Ct));
            Assert.Contains("Không đọc được tuần “abc”", html.QuerySelector(".schedule__error")!.TextContent);
        }
    }
}
