using System.Globalization;
using System.Reflection;

namespace Q11Portal.Demo;

/// <summary>One article of the demo content as written in <c>demo-articles.txt</c>.</summary>
internal sealed record DemoArticleText(
    string Category,
    string Title,
    string Summary,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> Tags,
    string Byline,
    int DaysAgo,
    TimeOnly LocalTime,
    string Caption,
    string? BodyFigureCaption,
    bool Featured,
    DemoReportText? Report);

internal sealed record DemoReportText(string Document, string Unit, string Period, IReadOnlyList<(string Label, decimal Value, string? Unit)> Figures);

/// <summary>Reads the demo articles, a plain-text file embedded in this project so prose stays readable and out of C# strings.
/// Each article: "=== " header lines "key: value", a line "---", then paragraphs separated by blank lines.</summary>
internal static class DemoArticleSource
{
    public const string ResourceName = "Q11Portal.Demo.demo-articles.txt";

    public static IReadOnlyList<DemoArticleText> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    internal static IReadOnlyList<DemoArticleText> Parse(string text)
    {
        var result = new List<DemoArticleText>();
        var blocks = text.Replace("\r\n", "\n").Split("\n===", StringSplitOptions.RemoveEmptyEntries);
        foreach (var rawBlock in blocks)
        {
            var block = rawBlock.TrimStart('=').Trim('\n', ' ');
            if (block.Length == 0 || block.StartsWith('#'))
            {
                continue;
            }

            var split = block.IndexOf("\n---\n", StringComparison.Ordinal);
            if (split < 0)
            {
                throw new FormatException("Demo article without a '---' line: " + block[..Math.Min(60, block.Length)]);
            }

            var headers = block[..split].Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split(':', 2))
                .Where(p => p.Length == 2)
                .GroupBy(p => p[0].Trim())
                .ToDictionary(g => g.Key, g => g.Select(p => p[1].Trim()).ToList());
            var paragraphs = block[(split + 5)..].Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Replace('\n', ' ').Trim()).Where(p => p.Length > 0).ToList();

            string One(string key) => headers.TryGetValue(key, out var v) ? v[0] : throw new FormatException($"Missing '{key}' in demo article");
            string? Maybe(string key) => headers.TryGetValue(key, out var v) ? v[0] : null;

            var when = One("when").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            DemoReportText? report = null;
            if (Maybe("report") is { } reportLine)
            {
                var parts = reportLine.Split('|', StringSplitOptions.TrimEntries);
                var figures = headers.TryGetValue("figure", out var lines)
                    ? lines.Select(l => l.Split('|', StringSplitOptions.TrimEntries))
                        .Select(f => (f[0], decimal.Parse(f[1], CultureInfo.InvariantCulture), f.Length > 2 && f[2].Length > 0 ? f[2] : null))
                        .ToList()
                    : [];
                report = new DemoReportText(parts[0], parts[1], parts[2], figures);
            }

            result.Add(new DemoArticleText(
                One("category"),
                One("title"),
                One("summary"),
                paragraphs,
                (Maybe("tags") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                One("byline"),
                int.Parse(when[0], CultureInfo.InvariantCulture),
                TimeOnly.ParseExact(when[1], "HH:mm", CultureInfo.InvariantCulture),
                One("caption"),
                Maybe("bodyfigure"),
                Maybe("featured") == "yes",
                report));
        }

        return result;
    }
}
