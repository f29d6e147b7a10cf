namespace Q11Portal.Core.Search.Evaluation;

/// <summary>Standard ranking measures with graded judgements used as linear gains.</summary>
public static class RankingMetrics
{
    /// <summary>nDCG@k: DCG of the ranking over DCG of the ideal ranking (gain / log2(rank + 1)); 0 when nothing is relevant.</summary>
    public static double Ndcg(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> grades, int k)
    {
        var ideal = Dcg(grades.Values.Where(g => g > 0).OrderByDescending(g => g).Take(k).ToList());
        if (ideal == 0)
        {
            return 0;
        }

        return Dcg(ranking.Take(k).Select(id => grades.GetValueOrDefault(id)).ToList()) / ideal;
    }

    /// <summary>Precision@k over items graded at least <paramref name="minGrade"/>; the denominator is k.</summary>
    public static double PrecisionAt(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> grades, int k, int minGrade = 2) =>
        ranking.Take(k).Count(id => grades.GetValueOrDefault(id) >= minGrade) / (double)k;

    /// <summary>Reciprocal rank of the first relevant (grade ≥ 1) item; 0 when none is ranked.</summary>
    public static double ReciprocalRank(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> grades)
    {
        for (var i = 0; i < ranking.Count; i++)
        {
            if (grades.GetValueOrDefault(ranking[i]) > 0)
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    private static double Dcg(IReadOnlyList<int> gains)
    {
        var sum = 0.0;
        for (var i = 0; i < gains.Count; i++)
        {
            sum += gains[i] / Math.Log2(i + 2);
        }

        return sum;
    }
}
