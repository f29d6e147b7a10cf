using System.Globalization;

namespace Q11Portal.Web.Infrastructure;

public static class FileSizes
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"12 KB", "1,5 MB": a size as readers expect it.</summary>
    public static string Format(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} byte",
        < 1024 * 1024 => string.Create(Vietnamese, $"{bytes / 1024.0:0} KB"),
        _ => string.Create(Vietnamese, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };
}
