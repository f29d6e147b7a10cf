using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Search.Evaluation;

public sealed record SearchJudgement(string Id, string Query, string Type, Dictionary<string, int> Relevant);

public sealed record MetricRow(string Name, int Count, double Primary, double Secondary, double BaselinePrimary, double BaselineSecondary);

/// <summary>Figures of one evaluation run: related news (nDCG@5, P@5) and search (nDCG@10, MRR), each beside the
/// "newest of the same category" baseline, overall and per query type.</summary>
public sealed record EvaluationReport(MetricRow Related, IReadOnlyList<MetricRow> Search, IReadOnlyList<(string QueryId, string Type, double Ndcg)> Queries)
{
    public MetricRow SearchOverall => Search[0];
}

/// <summary>Evaluates the portal's search and related news on a corpus in the format of <c>shared/corpus</c>
/// (articles imported with their source ids; judgements in <c>search-queries.json</c> and <c>related-judgements.json</c>).</summary>
public sealed class CorpusEvaluator(PortalDbContext db, SearchService search, RelatedArticleService related)
{
    public const int RelatedDepth = 5;
    public const int SearchDepth = 10;

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, NumberHandling = JsonNumberHandling.AllowReadingFromString };

    public static IReadOnlyList<SearchJudgement> ReadSearchJudgements(string corpusDirectory) =>
        JsonSerializer.Deserialize<List<SearchJudgement>>(File.ReadAllText(Path.Combine(corpusDirectory, "search-queries.json")), Json) ?? [];

    public static IReadOnlyDictionary<string, Dictionary<string, int>> ReadRelatedJudgements(string corpusDirectory) =>
        JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, int>>>(File.ReadAllText(Path.Combine(corpusDirectory, "related-judgements.json")), Json) ?? [];

    public async Task<EvaluationReport> EvaluateAsync(string corpusDirectory, CancellationToken ct)
    {
        var articles = await db.Articles.AsNoTracking()
            .Where(a => a.SourceId != null && a.Status == ArticleStatus.Published)
            .Select(a => new { a.Id, SourceId = a.SourceId!, a.CategoryId, a.PublishedAtUtc })
            .ToListAsync(ct);
        var sourceOf = articles.ToDictionary(a => a.Id, a => a.SourceId);

        // Baseline: the newest other articles of the same category.
        List<string> Newest(int categoryId, int? except, int take) => articles
            .Where(a => a.CategoryId == categoryId && a.Id != except)
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Take(take).Select(a => a.SourceId).ToList();

        var relatedJudgements = ReadRelatedJudgements(corpusDirectory);
        var relatedRows = new List<(double Ndcg, double P, double BaseNdcg, double BaseP)>();
        foreach (var article in articles.Where(a => relatedJudgements.ContainsKey(a.SourceId)))
        {
            var grades = relatedJudgements[article.SourceId];
            var ranking = (await related.GetAsync(article.Id, RelatedDepth, ct)).Select(r => sourceOf.GetValueOrDefault(r.Id, "?")).ToList();
            var baseline = Newest(article.CategoryId, article.Id, RelatedDepth);
            relatedRows.Add((RankingMetrics.Ndcg(ranking, grades, RelatedDepth), RankingMetrics.PrecisionAt(ranking, grades, RelatedDepth),
                RankingMetrics.Ndcg(baseline, grades, RelatedDepth), RankingMetrics.PrecisionAt(baseline, grades, RelatedDepth)));
        }

        var queries = ReadSearchJudgements(corpusDirectory);
        var searchRows = new List<(string Type, string Id, double Ndcg, double Rr, double BaseNdcg, double BaseRr)>();
        var newestOverall = articles.OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id).Select(a => a.SourceId).ToList();
        foreach (var judgement in queries)
        {
            var results = search.Search(new SearchRequest(judgement.Query, PageSize: SearchDepth, Highlight: false));
            var ranking = results.Hits.Select(h => h.SourceId ?? "?").ToList();
            // Search baseline: the portal's old behaviour, newest articles first among those containing the words (SQL LIKE is
            // approximated by "any match"), which for evaluation is the newest of the matching set.
            var matching = search.Search(new SearchRequest(judgement.Query, PageSize: SearchService.MaxPageSize, Highlight: false)).Hits.Select(h => h.SourceId ?? "?").ToHashSet();
            var baseline = newestOverall.Where(matching.Contains).Take(SearchDepth).ToList();
            searchRows.Add((judgement.Type, judgement.Id, RankingMetrics.Ndcg(ranking, judgement.Relevant, SearchDepth), RankingMetrics.ReciprocalRank(ranking, judgement.Relevant),
                RankingMetrics.Ndcg(baseline, judgement.Relevant, SearchDepth), RankingMetrics.ReciprocalRank(baseline, judgement.Relevant)));
        }

        var relatedRow = new MetricRow("related", relatedRows.Count, Mean(relatedRows.Select(r => r.Ndcg)), Mean(relatedRows.Select(r => r.P)),
            Mean(relatedRows.Select(r => r.BaseNdcg)), Mean(relatedRows.Select(r => r.BaseP)));
        var searchMetrics = new List<MetricRow> { Row("overall", searchRows) };
        searchMetrics.AddRange(searchRows.GroupBy(r => r.Type).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Row(g.Key, g.ToList())));
        return new EvaluationReport(relatedRow, searchMetrics, searchRows.Select(r => (r.Id, r.Type, r.Ndcg)).ToList());

        static MetricRow Row(string name, IReadOnlyCollection<(string Type, string Id, double Ndcg, double Rr, double BaseNdcg, double BaseRr)> rows) =>
            new(name, rows.Count, Mean(rows.Select(r => r.Ndcg)), Mean(rows.Select(r => r.Rr)), Mean(rows.Select(r => r.BaseNdcg)), Mean(rows.Select(r => r.BaseRr)));
    }

    private static double Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? 0 : list.Average();
    }

    public static string Format(EvaluationReport report)
    {
        var lines = new List<string>
        {
            "Related news (k = 5)            nDCG@5   P@5    | baseline nDCG@5  P@5",
            $"  {"overall",-30} {report.Related.Primary,6:0.000}  {report.Related.Secondary,5:0.000}  |          {report.Related.BaselinePrimary,6:0.000}  {report.Related.BaselineSecondary,5:0.000}   ({report.Related.Count} articles)",
            string.Empty,
            "Search (k = 10)                 nDCG@10  MRR    | baseline nDCG@10 MRR",
        };
        lines.AddRange(report.Search.Select(r =>
            $"  {r.Name,-30} {r.Primary,6:0.000}  {r.Secondary,5:0.000}  |          {r.BaselinePrimary,6:0.000}  {r.BaselineSecondary,5:0.000}   ({r.Count} queries)"));
        lines.Add(string.Empty);
        lines.Add("Baselines: related = newest articles of the same category; search = the matching articles, newest first.");
        return string.Join(Environment.NewLine, lines);
    }
}
