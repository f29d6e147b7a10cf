using Q11Portal.Core.Search.Evaluation;

namespace Q11Portal.Core.Tests.Search;

public sealed class RankingMetricsTests
{
    private static readonly Dictionary<string, int> Grades = new() { ["a"] = 3, ["b"] = 2, ["c"] = 1 };

    [Theory]
    [InlineData("a,b,c", 1.0)]
    [InlineData("x,y,z", 0.0)]
    // DCG = 2 + 3/log2(3); ideal = 3 + 2/log2(3) + 1/2.
    [InlineData("b,a", 0.81749)]
    public void Ndcg_Rankings_GiveExpectedValues(string ranking, double expected) =>
        Assert.Equal(expected, RankingMetrics.Ndcg(ranking.Split(','), Grades, 5), 3);

    [Theory]
    [InlineData("a,b,x,y,z", 0.4)]
    [InlineData("c,x,y,z,w", 0.0)]
    public void PrecisionAt5_CountsGradeTwoOrMore(string ranking, double expected) =>
        Assert.Equal(expected, RankingMetrics.PrecisionAt(ranking.Split(','), Grades, 5), 3);

    [Theory]
    [InlineData("x,c,a", 0.5)]
    [InlineData("x,y", 0.0)]
    [InlineData("a", 1.0)]
    public void ReciprocalRank_FirstRelevant_GivesInverseRank(string ranking, double expected) =>
        Assert.Equal(expected, RankingMetrics.ReciprocalRank(ranking.Split(','), Grades), 3);
}
