using System.Globalization;

namespace Q11Portal.Core.Common;

/// <summary>Dates as Vietnamese readers write them, in Asia/Ho_Chi_Minh time: "Thứ Bảy, 01/06/2024 - 00:30".</summary>
public static class VietnameseDates
{
    private static readonly string[] DayNames = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

    public static string DayName(DayOfWeek day) => DayNames[(int)day];

    /// <summary>"Thứ Bảy, 01/06/2024 - 00:30" for a UTC time.</summary>
    public static string LongDateTime(DateTime utc)
    {
        var local = LocalTime.ToLocal(utc);
        return $"{DayName(local.DayOfWeek)}, {local.ToString("dd/MM/yyyy - HH:mm", CultureInfo.InvariantCulture)}";
    }

    /// <summary>"01/06/2024 00:30" for a UTC time, for lists.</summary>
    public static string ShortDateTime(DateTime utc) =>
        LocalTime.ToLocal(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"Thứ Bảy, 01/06/2024" for a local day.</summary>
    public static string LongDate(DateOnly day) =>
        $"{DayName(day.DayOfWeek)}, {day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>"2024-06-01": the form used in stable URLs.</summary>
    public static string UrlDate(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads a day typed or picked by a reader: "2024-06-01" (date pickers, URLs) or "01/06/2024", "1/6/2024".</summary>
    public static bool TryParseDay(string? text, out DateOnly day)
    {
        day = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 10)
        {
            return false;
        }

        string[] formats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy"];
        return DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
