using System.Text.Json;
using Q11Portal.Testing;

namespace Q11Portal.Cli.Tests;

/// <summary>The operator and evaluation verbs: search, related, eval and reindex, on the imported development corpus.</summary>
public sealed class SearchCommandTests
{
    private static string[] Settings(TestDatabase database) =>
        [.. database.Settings.Select(s => $"--{s.Key}={s.Value}"), "--Search:BackgroundSync=false"];

    private static async Task<TestDatabase> ImportedAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var import = await CliRun.RunAsync(database, "import", CorpusFiles.Articles);
        Assert.True(import.ExitCode == 0, import.ToString());
        return database;
    }

    private static List<JsonElement> Items(string json) => JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();

    [Fact]
    public async Task Search_Json_PrintsRankedObjectsWithSourceIdSlugTitleScore()
    {
        await using var database = await ImportedAsync();

        var run = await CliRun.RunAsync([.. Settings(database), "search", "kiem tra nong do con", "--top", "3", "--json"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var items = Items(run.Output);
        Assert.InRange(items.Count, 1, 3);
        Assert.All(items, i =>
        {
            Assert.Equal(JsonValueKind.String, i.GetProperty("slug").ValueKind);
            Assert.False(string.IsNullOrEmpty(i.GetProperty("title").GetString()));
            Assert.Equal(JsonValueKind.Number, i.GetProperty("score").ValueKind);
            Assert.True(i.TryGetProperty("sourceId", out _));
        });
        var scores = items.Select(i => i.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Contains("nồng độ cồn", items[0].GetProperty("title").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Search_Dash_ReadsOneQueryPerLine_AndPrintsOneArrayPerLine()
    {
        await using var database = await ImportedAsync();

        var run = await CliRun.RunWithInputAsync("lam theo bac\nsốt xuất huyết\nzzzqqq không có\n", [.. Settings(database), "search", "-", "--top", "5", "--json"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.NotEmpty(Items(lines[0]));
        Assert.NotEmpty(Items(lines[1]));
        Assert.Empty(Items(lines[2]));
    }

    [Fact]
    public async Task Related_OneArticleAndAll_PrintTheStoredLists()
    {
        await using var database = await ImportedAsync();

        var one = await CliRun.RunAsync([.. Settings(database), "related", "d001", "--top", "5", "--json"]);
        var all = await CliRun.RunAsync([.. Settings(database), "related", "--all", "--top", "5", "--json"]);

        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.True(all.ExitCode == 0, all.ToString());
        var list = Items(one.Output);
        Assert.Equal(5, list.Count);
        Assert.DoesNotContain(list, i => i.GetProperty("sourceId").GetString() == "d001");
        var map = JsonDocument.Parse(all.Output).RootElement;
        Assert.Equal(JsonValueKind.Object, map.ValueKind);
        Assert.Equal(list.Select(i => i.GetProperty("slug").GetString()), map.GetProperty("d001").EnumerateArray().Select(i => i.GetProperty("slug").GetString()));
    }

    [Theory]
    [InlineData("related", "khong-co-bai-nay")]
    [InlineData("related")]
    [InlineData("search", "x", "--top", "0")]
    [InlineData("search", "x", "--top", "500")]
    public async Task BadArguments_ExitWithAMessage(params string[] args)
    {
        await using var database = await ImportedAsync();

        var run = await CliRun.RunAsync([.. Settings(database), .. args]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("error", run.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Eval_OnTheCorpus_PrintsBothMeasuresBesideTheBaseline()
    {
        var directory = DevelopmentCorpus.RequireDirectory();

        var run = await CliRun.RunAsync("eval", "--corpus", directory);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("50 articles imported", run.Output);
        Assert.Contains("nDCG@5", run.Output);
        Assert.Contains("nDCG@10", run.Output);
        Assert.Contains("document_number", run.Output);
        Assert.Contains("baseline", run.Output);
    }

    [Fact]
    public async Task Eval_OnTheCorpus_PrintsBothHalvesPerKindBesidePlainBm25()
    {
        var directory = DevelopmentCorpus.RequireDirectory();

        var run = await CliRun.RunAsync("eval", "--corpus", directory);

        Assert.True(run.ExitCode == 0, run.ToString());
        var tuning = run.Output.IndexOf("Search, tuning half", StringComparison.Ordinal);
        var heldOut = run.Output.IndexOf("Search, held-out half", StringComparison.Ordinal);
        Assert.True(tuning > 0 && heldOut > tuning, run.Output);
        foreach (var kind in new[] { "document_number", "name", "no_diacritics", "ordinary", "phrase", "typo" })
        {
            Assert.Contains(kind, run.Output[heldOut..]);
        }

        Assert.Contains("plain BM25 nDCG@10", run.Output[tuning..]);
        var second = run.Output.IndexOf("Search, tuning set 2", StringComparison.Ordinal);
        Assert.True(second > tuning && heldOut > second, run.Output);
        Assert.Contains("time per query (ms)", run.Output[heldOut..]);
    }

    [Fact]
    public async Task Eval_WithoutACorpus_ExitsWithAMessage()
    {
        using var empty = new TemporaryDirectory();

        var run = await CliRun.RunAsync("eval", "--corpus", empty.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("articles.json", run.Error);
    }

    [Fact]
    public async Task Reindex_RebuildsAndSaysHowMany()
    {
        await using var database = await ImportedAsync();

        var run = await CliRun.RunAsync([.. Settings(database), "reindex"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"Search index rebuilt: \d+ published articles", run.Output);
    }
}
