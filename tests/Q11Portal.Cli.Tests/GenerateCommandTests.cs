using System.Text;
using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Testing;

namespace Q11Portal.Cli.Tests;

public sealed class GenerateCommandTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Generate_Twice_AppendsPublishedArticlesWithTagsAndChanges(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var first = await CliRun.RunAsync(database, "generate", "--articles", "120", "--seed", "3", "--batch-size", "50");
        var second = await CliRun.RunAsync(database, "generate", "--articles", "30", "--seed", "3");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("120/120 articles", first.Output);
        Assert.Contains("120 added (seed 3, indexes 0–119", first.Output);
        Assert.Contains("30 added (seed 3, indexes 120–149", second.Output);

        await using var db = database.CreateContext();
        var articles = await db.Articles.AsNoTracking().Include(a => a.Tags).ToListAsync(Ct);
        Assert.Equal(150, articles.Count);
        Assert.Equal(150, articles.Select(a => a.Slug).Distinct().Count());
        Assert.Equal(150, articles.Select(a => a.SourceId).Distinct().Count());
        Assert.All(articles, a =>
        {
            Assert.Equal(ArticleStatus.Published, a.Status);
            Assert.StartsWith("gen3-", a.SourceId);
            Assert.True(Slug.IsValid(a.Slug), a.Slug);
            Assert.InRange(a.Tags.Count, 1, 4);
            Assert.StartsWith("<p>", a.BodyHtml);
            Assert.InRange(a.BodyHtml.Length, 800, 8000);
            Assert.True(a.Title.IsNormalized(NormalizationForm.FormC));
            Assert.InRange(a.PublishedAtUtc!.Value, new DateTime(2015, 12, 31), new DateTime(2026, 1, 1));
        });
        // Spread over the six sections and over years.
        Assert.Equal(6, articles.Select(a => a.CategoryId).Distinct().Count());
        Assert.True(articles.Select(a => a.PublishedAtUtc!.Value.Year).Distinct().Count() >= 8);
        Assert.Equal(150, await db.ContentChanges.CountAsync(Ct));
        Assert.Equal(150, await db.ContentChanges.Select(c => c.EntityId).Distinct().CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Generate_SameSeed_GivesSameArticles(DatabaseProvider provider)
    {
        await using var one = await TestDatabase.CreateAsync(provider);
        await using var two = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        Assert.Equal(0, (await CliRun.RunAsync(one, "generate", "--articles", "40", "--seed", "11", "--batch-size", "7")).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(two, "generate", "--articles", "40", "--seed", "11")).ExitCode);

        Assert.Equal(await Fingerprint(one), await Fingerprint(two));
    }

    [Fact]
    public async Task Generate_OtherSeed_GivesOtherArticles()
    {
        await using var one = await TestDatabase.CreateAsync();
        await using var two = await TestDatabase.CreateAsync();

        Assert.Equal(0, (await CliRun.RunAsync(one, "generate", "--articles", "20", "--seed", "1")).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(two, "generate", "--articles", "20", "--seed", "2")).ExitCode);

        Assert.NotEqual(await Fingerprint(one), await Fingerprint(two));
    }

    [Theory]
    [InlineData(new[] { "generate" }, "Option '--articles' is required")]
    [InlineData(new[] { "generate", "--articles", "0" }, "--articles must be between 1 and")]
    [InlineData(new[] { "generate", "--articles", "-5" }, "--articles must be between 1 and")]
    [InlineData(new[] { "generate", "--articles", "nhiều" }, "nhiều")]
    [InlineData(new[] { "generate", "--articles", "10", "--seed", "-1" }, "--seed must be zero or positive")]
    [InlineData(new[] { "generate", "--articles", "10", "--batch-size", "0" }, "--batch-size must be between 1 and 10,000")]
    public async Task Generate_BadArguments_ExitNonZeroWithMessage(string[] args, string expected)
    {
        await using var database = await TestDatabase.CreateAsync();

        var run = await CliRun.RunAsync(database, args);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(expected, run.Error);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Articles.CountAsync(Ct));
    }

    private static async Task<string> Fingerprint(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var rows = await db.Articles.AsNoTracking().OrderBy(a => a.SourceId)
            .Select(a => new { a.SourceId, a.Slug, a.Title, a.Summary, a.BodyHtml, a.PublishedAtUtc, a.Byline, a.ViewCount, Category = a.Category.Slug, Tags = a.Tags.Select(t => t.Slug).OrderBy(s => s).ToList() })
            .ToListAsync(Ct);
        return string.Join("\n", rows.Select(r => $"{r.SourceId}|{r.Slug}|{r.Title}|{r.Summary}|{r.BodyHtml}|{r.PublishedAtUtc:O}|{r.Byline}|{r.ViewCount}|{r.Category}|{string.Join(",", r.Tags)}"));
    }
}
