using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Q11Portal.Core.Reports;

namespace Q11Portal.Web.Models;

public sealed class TopicPageViewModel(TopicPage page)
{
    /// <summary>One colour per report (column), the same in the table legend and every chart.</summary>
    private static readonly string[] Palette = ["#b3261e", "#1f5fa8", "#2e7d32", "#b26a00", "#6a3d9a", "#00796b", "#5d4037", "#c2185b"];

    public TopicPage Page { get; } = page;

    public string ColorOf(int column) => Palette[column % Palette.Length];

    /// <summary>The CSS class suffix with the same colour (no inline styles: the CSP forbids them).</summary>
    public int SwatchOf(int column) => column % Palette.Length;

    public IReadOnlyList<FigureChart> Charts { get; } = page.Figures
        .Select((row, index) => FigureChart.Create(row, page.Reports, index))
        .Where(c => c.Bars.Count > 0)
        .ToList();
}

/// <summary>The geometry of one small bar chart (one figure across the reports), in a 320-unit-wide viewBox.</summary>
public sealed record FigureChart(int Index, FigureRow Row, IReadOnlyList<FigureBar> Bars, int Height)
{
    public const int Width = 320;
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private const int MaxBar = 236;
    private const int RowHeight = 44;

    public string Id => $"bieu-do-{Index + 1}";

    /// <summary>The text alternative read out for the chart: every period and its value.</summary>
    public string Description => string.Join("; ", Bars.Select(b => $"{b.Period}: {b.ValueText}")) + ".";

    public static FigureChart Create(FigureRow row, IReadOnlyList<TopicReport> reports, int index)
    {
        var max = row.Values.Where(v => v > 0).Select(v => v!.Value).DefaultIfEmpty(0).Max();
        var bars = new List<FigureBar>();
        for (var column = 0; column < row.Values.Count; column++)
        {
            if (row.Values[column] is not { } value)
            {
                continue;
            }

            var top = 6 + bars.Count * RowHeight;
            var width = max <= 0 || value <= 0 ? 0 : Math.Max(2, (double)(value / max) * MaxBar);
            bars.Add(new FigureBar(column, reports[column].ColumnTitle, FigureValue.Format(value), top + 14, top + 20, Math.Round(width, 1)));
        }

        return new FigureChart(index, row, bars, 6 + bars.Count * RowHeight);
    }

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The chart as inline SVG (Razor cannot write SVG <c>&lt;text&gt;</c> elements itself): an image with a
    /// title and a description that lists every value, so screen readers get the numbers, not the shapes.</summary>
    public IHtmlContent ToSvg(Func<int, string> colorOf)
    {
        var e = Encoder;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{Id}-title {Id}-desc\" focusable=\"false\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{Id}-title\">Biểu đồ: {e.Encode(Row.Heading)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{Id}-desc\">{e.Encode(Description)}</desc>");
        foreach (var bar in Bars)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{bar.LabelY}\" class=\"chart-label\">{e.Encode(bar.Period)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{bar.BarY}\" width=\"{Number(bar.BarWidth)}\" height=\"{FigureBar.BarHeight}\" rx=\"2\" fill=\"{e.Encode(colorOf(bar.Column))}\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Number(bar.BarWidth + 6)}\" y=\"{bar.BarY + 13}\" class=\"chart-value\">{e.Encode(bar.ValueText)}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}

/// <summary>One bar: its label line at <see cref="LabelY"/>, the bar at <see cref="BarY"/>.</summary>
public sealed record FigureBar(int Column, string Period, string ValueText, int LabelY, int BarY, double BarWidth)
{
    public const int BarHeight = 16;
}
