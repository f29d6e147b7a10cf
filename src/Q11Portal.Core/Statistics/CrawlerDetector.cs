using System.Buffers;
using Microsoft.Extensions.Options;

namespace Q11Portal.Core.Statistics;

/// <summary>Tells crawlers, previews, monitors and scripts from people by the user agent, with the maintained
/// list in <c>crawler-user-agents.txt</c> plus <see cref="CounterOptions.ExtraCrawlerPatterns"/>.</summary>
public sealed class CrawlerDetector
{
    private static readonly Lazy<(string[] Patterns, string[] Exceptions)> BuiltIn = new(LoadBuiltIn);

    private readonly SearchValues<string> patterns;
    private readonly SearchValues<string>? exceptions;
    private readonly string[] exceptionList;

    public CrawlerDetector(IOptions<CounterOptions> options)
        : this(options.Value.ExtraCrawlerPatterns)
    {
    }

    public CrawlerDetector(IEnumerable<string>? extraPatterns = null)
    {
        var (builtIn, builtInExceptions) = BuiltIn.Value;
        var all = builtIn
            .Concat((extraPatterns ?? []).Select(p => p.Trim().ToLowerInvariant()).Where(p => p.Length > 0))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        patterns = SearchValues.Create(all, StringComparison.OrdinalIgnoreCase);
        exceptionList = builtInExceptions;
        exceptions = builtInExceptions.Length > 0 ? SearchValues.Create(builtInExceptions, StringComparison.OrdinalIgnoreCase) : null;
        PatternCount = all.Length;
    }

    public int PatternCount { get; }

    /// <summary>True for a known robot, and for a request without a user agent (no browser sends none).</summary>
    public bool IsCrawler(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return true;
        }

        var span = userAgent.AsSpan();
        if (span.IndexOfAny(patterns) < 0)
        {
            return false;
        }

        if (exceptions is null || span.IndexOfAny(exceptions) < 0)
        {
            return true;
        }

        // A browser token that contains a pattern (the Cubot phone): match again without it.
        var cleaned = userAgent;
        foreach (var exception in exceptionList)
        {
            cleaned = cleaned.Replace(exception, " ", StringComparison.OrdinalIgnoreCase);
        }

        return cleaned.AsSpan().IndexOfAny(patterns) >= 0;
    }

    private static (string[] Patterns, string[] Exceptions) LoadBuiltIn()
    {
        var assembly = typeof(CrawlerDetector).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("crawler-user-agents.txt", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var patterns = new List<string>();
        var exceptions = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('!'))
            {
                exceptions.Add(line[1..].ToLowerInvariant());
            }
            else
            {
                patterns.Add(line.ToLowerInvariant());
            }
        }

        return (patterns.ToArray(), exceptions.ToArray());
    }
}
