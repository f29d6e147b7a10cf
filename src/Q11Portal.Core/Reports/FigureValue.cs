using System.Globalization;
using System.Text.RegularExpressions;

namespace Q11Portal.Core.Reports;

/// <summary>Reads and writes key-figure numbers the way Vietnamese staff type them: "1.234" is a thousand-separated
/// integer, "12,5" a decimal comma; "12.5" (a lone dot not followed by three digits) is read as a decimal point.</summary>
public static partial class FigureValue
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        var s = (text ?? string.Empty).Trim().Replace(" ", string.Empty).Replace("\u00A0", string.Empty);
        if (s.Length == 0 || s.Length > 30)
        {
            return false;
        }

        var lastDot = s.LastIndexOf('.');
        var lastComma = s.LastIndexOf(',');
        string normalized;
        if (lastDot >= 0 && lastComma >= 0)
        {
            // Both present: the later one is the decimal separator.
            normalized = lastComma > lastDot
                ? s.Replace(".", string.Empty).Replace(',', '.')
                : s.Replace(",", string.Empty);
        }
        else if (lastComma >= 0)
        {
            normalized = ThousandsWithComma().IsMatch(s) && s.Count(c => c == ',') > 1 ? s.Replace(",", string.Empty) : s.Replace(',', '.');
        }
        else if (lastDot >= 0)
        {
            normalized = ThousandsWithDot().IsMatch(s) ? s.Replace(".", string.Empty) : s;
        }
        else
        {
            normalized = s;
        }

        return decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && value is > -1_000_000_000_000m and < 1_000_000_000_000m;
    }

    /// <summary>"1234.5" → "1.234,5"; integers without decimals.</summary>
    public static string Format(decimal value) => value.ToString("#,##0.##", Vietnamese);

    /// <summary>The text a form field round-trips through <see cref="TryParse"/> ("1234,5").</summary>
    public static string ToInput(decimal value) => value.ToString("0.##", Vietnamese);

    [GeneratedRegex(@"^-?[1-9]\d{0,2}(\.\d{3})+$")]
    private static partial Regex ThousandsWithDot();

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})+$")]
    private static partial Regex ThousandsWithComma();
}
