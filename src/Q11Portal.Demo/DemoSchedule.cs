using System.Text.Json;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Schedule;

namespace Q11Portal.Demo;

/// <summary>Three published weeks of the Standing Committee's schedule (last week, this week, next week), written for
/// the project. This week carries one adjusted and one cancelled entry, so a fresh site shows what "điều chỉnh" looks like.</summary>
internal static class DemoSchedule
{
    private const string Secretary = "Đồng chí Bí thư Quận ủy";
    private const string DeputySecretary = "Đồng chí Phó Bí thư Thường trực Quận ủy";
    private const string Chairman = "Đồng chí Phó Bí thư, Chủ tịch UBND quận";
    private const string Office = "Văn phòng Quận ủy";

    /// <summary>(day of week 0 = Monday, session, "HH:mm" or null, content, chair, attendees, venue, preparing unit)</summary>
    private static readonly (int Day, ScheduleSession Session, string? Time, string Content, string Chair, string Attendees, string Venue, string Preparer)[] Items =
    [
        (0, ScheduleSession.Morning, "07:30", "Họp giao ban Thường trực Quận ủy đầu tuần", Secretary, "Thường trực Quận ủy; Chánh Văn phòng Quận ủy", "Phòng họp A, Quận ủy", Office),
        (0, ScheduleSession.Afternoon, "14:00", "Làm việc với Đảng ủy Phường 5 về tiến độ thực hiện Nghị quyết Đại hội Đảng bộ phường", DeputySecretary, "Ban Tổ chức Quận ủy; Ủy ban Kiểm tra Quận ủy; Đảng ủy Phường 5", "Hội trường Đảng ủy Phường 5", "Đảng ủy Phường 5"),
        (1, ScheduleSession.Morning, "08:00", "Hội nghị Ban Thường vụ Quận ủy thường kỳ", Secretary, "Ủy viên Ban Thường vụ Quận ủy; lãnh đạo các ban xây dựng Đảng (mời dự)", "Phòng họp Ban Thường vụ", Office),
        (1, ScheduleSession.Afternoon, "14:00", "Tiếp công dân định kỳ của Bí thư Quận ủy", Secretary, "Ban Tiếp công dân quận; Ủy ban Kiểm tra Quận ủy; đại diện UBND quận", "Trụ sở Tiếp công dân quận", "Ban Tiếp công dân quận"),
        (2, ScheduleSession.Morning, "08:30", "Kiểm tra công tác chuẩn bị Ngày hội Đại đoàn kết toàn dân tộc tại khu phố", DeputySecretary, "Ban Tuyên giáo và Dân vận Quận ủy; Ủy ban MTTQ Việt Nam quận", "Khu phố 3, Phường 10", "Ủy ban MTTQ Việt Nam quận"),
        (2, ScheduleSession.Afternoon, "15:00", "Họp Ban Chỉ đạo chuyển đổi số quận", Chairman, "Thành viên Ban Chỉ đạo; Phòng Văn hóa và Thông tin quận", "Phòng họp UBND quận", "Phòng Văn hóa và Thông tin quận"),
        (3, ScheduleSession.Morning, "07:30", "Dự lễ chào cờ và sinh hoạt chuyên đề “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”", Secretary, "Ban Thường vụ Quận ủy; cán bộ, công chức khối Đảng", "Hội trường Quận ủy", "Ban Tuyên giáo và Dân vận Quận ủy"),
        (3, ScheduleSession.Afternoon, "14:00", "Làm việc với Đảng ủy Quân sự quận về công tác quốc phòng địa phương cuối năm", Secretary, "Thường trực Quận ủy; Ban Chỉ huy Quân sự quận", "Ban Chỉ huy Quân sự quận", "Đảng ủy Quân sự quận"),
        (3, ScheduleSession.Evening, "19:00", "Dự chương trình văn nghệ “Mừng Đảng, mừng Xuân” của Đoàn Thanh niên quận", DeputySecretary, "Ban Tuyên giáo và Dân vận Quận ủy; Quận Đoàn 11", "Nhà Văn hóa Thanh niên Quận 11", "Quận Đoàn 11"),
        (4, ScheduleSession.Morning, "08:00", "Hội nghị sơ kết việc thực hiện Chỉ thị 05-CT/TW và Kết luận 01-KL/TW của Bộ Chính trị", Secretary, "Ban Chấp hành Đảng bộ quận; bí thư các chi, đảng bộ cơ sở", "Hội trường Quận ủy", "Ban Tuyên giáo và Dân vận Quận ủy"),
        (4, ScheduleSession.Afternoon, null, "Thường trực Quận ủy làm việc tại cơ quan (giải quyết công việc thường xuyên)", Secretary, "Thường trực Quận ủy", "Trụ sở Quận ủy", Office),
        (5, ScheduleSession.Morning, "07:00", "Ra quân Ngày Chủ nhật xanh – vệ sinh kênh rạch, chỉnh trang đô thị", Chairman, "UBND quận; các đoàn thể chính trị – xã hội; UBND các phường", "Dọc tuyến kênh Tân Hóa – Lò Gốm", "Phòng Quản lý đô thị quận"),
    ];

    public static void Add(PortalDbContext db, DateTime nowUtc)
    {
        var thisWeek = ScheduleWeekId.Containing(nowUtc);
        foreach (var (week, offset) in new[] { (thisWeek.Previous, -1), (thisWeek, 0), (thisWeek.Next, 1) })
        {
            var publishedAt = LocalTime.ToUtc(week.Monday.AddDays(-3).ToDateTime(new TimeOnly(16, 30)));
            var row = new ScheduleWeek
            {
                Year = week.Year, Week = week.Week, Status = ScheduleWeekStatus.Published, CreatedAtUtc = publishedAt.AddDays(-1),
                UpdatedAtUtc = publishedAt, UpdatedBy = "bientap@q11.local", PublishedAtUtc = publishedAt, Version = Guid.NewGuid(),
                Note = "Lịch có thể thay đổi; các đơn vị theo dõi thông báo của Văn phòng Quận ủy.",
            };
            // Each week a slightly different selection, so paging through three weeks shows three different schedules.
            foreach (var (item, index) in Items.Select((item, index) => (item, index)).Where(x => (x.index + (2 * offset) + 5) % 6 != 0))
            {
                row.Entries.Add(new ScheduleEntry
                {
                    Day = week.Monday.AddDays(item.Day), Session = item.Session,
                    StartTime = item.Time is { } t ? TimeOnly.Parse(t, System.Globalization.CultureInfo.InvariantCulture) : null,
                    Content = item.Content, ChairedBy = item.Chair, Attendees = item.Attendees, Venue = item.Venue, PreparedBy = item.Preparer,
                });
            }

            row.Revisions.Add(Revision(row, 1, publishedAt, "Công bố lịch tuần"));
            if (offset == 0)
            {
                // Monday afternoon of this week, or half an hour ago on a Monday morning.
                var monday = LocalTime.ToUtc(week.Monday.ToDateTime(new TimeOnly(15, 45)));
                Adjust(row, monday <= nowUtc ? monday : nowUtc.AddMinutes(-30));
            }

            db.ScheduleWeeks.Add(row);
        }
    }

    /// <summary>This week: the Tuesday meeting moves to 09:00 and the Wednesday inspection is called off.</summary>
    private static void Adjust(ScheduleWeek row, DateTime atUtc)
    {
        if (row.Entries.FirstOrDefault(e => e.Session == ScheduleSession.Morning && e.Day == row.Entries.Min(x => x.Day).AddDays(1)) is { } moved)
        {
            moved.StartTime = new TimeOnly(9, 0);
            moved.Venue = "Hội trường Quận ủy (thay đổi địa điểm)";
            moved.AdjustedAtUtc = atUtc;
        }

        if (row.Entries.FirstOrDefault(e => e.Day == row.Entries.Min(x => x.Day).AddDays(2) && e.Session == ScheduleSession.Morning) is { } cancelled)
        {
            cancelled.CancelledAtUtc = atUtc;
            cancelled.AdjustedAtUtc = atUtc;
        }

        row.AdjustedAtUtc = atUtc;
        row.UpdatedAtUtc = atUtc;
        row.Revisions.Add(Revision(row, 2, atUtc, "Điều chỉnh: đổi giờ, địa điểm họp Ban Thường vụ; hủy buổi kiểm tra tại khu phố"));
    }

    private static ScheduleRevision Revision(ScheduleWeek row, int number, DateTime atUtc, string summary) => new()
    {
        Number = number, AtUtc = atUtc, UserName = "bientap@q11.local", Summary = summary, Status = ScheduleWeekStatus.Published,
        EntriesJson = JsonSerializer.Serialize(row.Entries.Select(ScheduleEntryView.From).ToList()),
    };
}
