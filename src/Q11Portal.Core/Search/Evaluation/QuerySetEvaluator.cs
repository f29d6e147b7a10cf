namespace Q11Portal.Core.Search.Evaluation;

/// <summary>nDCG@10 of one set of judged queries, per query kind: the portal's search beside <see cref="PlainBm25"/>
/// on the same index, computed in the same run.</summary>
public sealed record QuerySetReport(string Name, IReadOnlyList<MetricRow> Rows, IReadOnlyList<QueryOutcome> Queries)
{
    /// <summary>Mean time of one search of the set, in milliseconds, measured after a first run (<see cref="QuerySetEvaluator.TimedRuns"/>).</summary>
    public double MeanMilliseconds { get; init; }
    public double BaselineMeanMilliseconds { get; init; }
}

/// <summary>One judged query's nDCG@10 for the portal and plain BM25, with the first results of each (source ids).</summary>
public sealed record QueryOutcome(string QueryId, string Type, double Ndcg, double Baseline, IReadOnlyList<string> Top, IReadOnlyList<string> BaselineTop, string? Correction);

/// <summary>Evaluates the judged query sets kept in the repository (<c>tests/eval/search-queries-tuning.json</c> and
/// <c>tests/eval/search-queries-heldout.json</c>, the corpus's judgement format; the split is the file). Rules are tuned
/// on the tuning half only; the held-out half says whether they generalise, and a mechanism that loses to plain BM25
/// there is taken out.</summary>
public sealed class QuerySetEvaluator(SearchService search, SearchIndex index)
{
    /// <summary>Timed runs of each query after the one that ranks it (which also warms the code and the index).</summary>
    public const int TimedRuns = 5;
    /// <summary>How many results of each ranking <c>--per-query</c> shows.</summary>
    private const int TopShown = 5;
    public const string TuningFile = "search-queries-tuning.json";
    public const string HeldOutFile = "search-queries-heldout.json";
    /// <summary>More judged queries of the kinds that were weak on unseen text, written later; tuning side too.</summary>
    public const string SecondTuningFile = "search-queries-tuning2.json";

    /// <summary>The folder holding <see cref="TuningFile"/>: <paramref name="start"/> or the nearest parent with a
    /// <c>tests/eval</c> folder that has it (the repository's), or null.</summary>
    public static string? FindQueryDirectory(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            foreach (var candidate in new[] { directory.FullName, Path.Combine(directory.FullName, "tests", "eval") })
            {
                if (File.Exists(Path.Combine(candidate, TuningFile)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static IReadOnlyList<SearchJudgement> Read(string path) =>
        System.Text.Json.JsonSerializer.Deserialize<List<SearchJudgement>>(File.ReadAllText(path),
            new System.Text.Json.JsonSerializerOptions { PropertyNameCaseInsensitive = true }) ?? [];

    public QuerySetReport Evaluate(string name, IReadOnlyList<SearchJudgement> judgements)
    {
        var rows = new List<(string Type, string Id, double Ndcg, double Rr, double BaseNdcg, double BaseRr)>();
        var outcomes = new List<QueryOutcome>();
        foreach (var judgement in judgements)
        {
            var results = search.Search(new SearchRequest(judgement.Query, PageSize: CorpusEvaluator.SearchDepth, Highlight: false));
            var ranking = results.Hits.Select(h => h.SourceId ?? "?").ToList();
            var baseline = PlainBm25.Rank(index, judgement.Query, CorpusEvaluator.SearchDepth);
            rows.Add((judgement.Type, judgement.Id,
                RankingMetrics.Ndcg(ranking, judgement.Relevant, CorpusEvaluator.SearchDepth), RankingMetrics.ReciprocalRank(ranking, judgement.Relevant),
                RankingMetrics.Ndcg(baseline, judgement.Relevant, CorpusEvaluator.SearchDepth), RankingMetrics.ReciprocalRank(baseline, judgement.Relevant)));
            outcomes.Add(new QueryOutcome(judgement.Id, judgement.Type, rows[^1].Ndcg, rows[^1].BaseNdcg, ranking.Take(TopShown).ToList(), baseline.Take(TopShown).ToList(), results.Correction?.Text));
        }

        // Time in process, the same queries again: what a rule adds per query shows as a ratio to plain BM25's time.
        var portalWatch = new System.Diagnostics.Stopwatch();
        var baselineWatch = new System.Diagnostics.Stopwatch();
        for (var run = 0; run < TimedRuns; run++)
        {
            foreach (var judgement in judgements)
            {
                portalWatch.Start();
                search.Search(new SearchRequest(judgement.Query, PageSize: CorpusEvaluator.SearchDepth, Highlight: false));
                portalWatch.Stop();
                baselineWatch.Start();
                PlainBm25.Rank(index, judgement.Query, CorpusEvaluator.SearchDepth);
                baselineWatch.Stop();
            }
        }

        var timed = Math.Max(1, judgements.Count * TimedRuns);
        var metrics = new List<MetricRow> { Row("overall", rows) };
        metrics.AddRange(rows.GroupBy(r => r.Type).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Row(g.Key, g.ToList())));
        return new QuerySetReport(name, metrics, outcomes)
        {
            MeanMilliseconds = portalWatch.Elapsed.TotalMilliseconds / timed,
            BaselineMeanMilliseconds = baselineWatch.Elapsed.TotalMilliseconds / timed,
        };

        static MetricRow Row(string kind, IReadOnlyCollection<(string Type, string Id, double Ndcg, double Rr, double BaseNdcg, double BaseRr)> part) =>
            new(kind, part.Count, part.Average(r => r.Ndcg), part.Average(r => r.Rr), part.Average(r => r.BaseNdcg), part.Average(r => r.BaseRr));
    }

    public static string Format(IEnumerable<QuerySetReport> reports, bool perQuery = false)
    {
        var lines = new List<string>();
        foreach (var report in reports)
        {
            lines.Add($"Search, {report.Name} (k = 10)".PadRight(32) + "nDCG@10  MRR    | plain BM25 nDCG@10 MRR");
            lines.AddRange(report.Rows.Select(r =>
                $"  {r.Name,-30} {r.Primary,6:0.000}  {r.Secondary,5:0.000}  |            {r.BaselinePrimary,6:0.000}  {r.BaselineSecondary,5:0.000}   ({r.Count} queries){(r.Primary < r.BaselinePrimary ? "  below BM25" : string.Empty)}"));
            lines.Add($"  {"time per query (ms)",-30} {report.MeanMilliseconds,6:0.000}         |            {report.BaselineMeanMilliseconds,6:0.000}");
            if (perQuery)
            {
                lines.AddRange(report.Queries.Where(q => q.Ndcg < 1 || q.Baseline < 1 || q.Correction is not null).Select(q =>
                    $"    {q.QueryId} {q.Type,-16} {q.Ndcg:0.000} | {q.Baseline:0.000}   {string.Join(' ', q.Top)} | {string.Join(' ', q.BaselineTop)}"
                    + (q.Correction is null ? string.Empty : $"   → {q.Correction}")));
            }

            lines.Add(string.Empty);
        }

        lines.Add("Plain BM25: Lucene BM25 over the same index, folded syllables, bigrams and codes, no field weights and no rules.");
        return string.Join(Environment.NewLine, lines);
    }
}
