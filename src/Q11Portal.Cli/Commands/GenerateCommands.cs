using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Data;
using Q11Portal.Demo.Generation;

namespace Q11Portal.Cli.Commands;

public static class GenerateCommands
{
    public static Command Generate(CliHost host)
    {
        var articles = new Option<int>("--articles", "-n") { Description = "How many synthetic articles to add.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator: the same seed gives the same articles.", DefaultValueFactory = _ => 1 };
        var batch = new Option<int>("--batch-size") { Description = "Articles per database round trip.", DefaultValueFactory = _ => ArticleGenerator.DefaultBatchSize };
        InRange(articles, 1, ArticleGenerator.MaxArticles, $"--articles must be between 1 and {ArticleGenerator.MaxArticles:N0}.");
        InRange(seed, 0, int.MaxValue, "--seed must be zero or positive.");
        InRange(batch, 1, 10_000, "--batch-size must be between 1 and 10,000.");

        var command = new Command("generate", "Add synthetic Vietnamese articles (published, spread over the six main categories, tags and 2016–2025) for benchmarks.")
        {
            articles,
            seed,
            batch,
        };
        command.SetAction(async (parse, ct) => await CliRunner.RunAsync(host, async services =>
        {
            if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Migrate)
            {
                await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            }

            var watch = Stopwatch.StartNew();
            var progress = new CliProgress<GenerateProgress>(host.Out,
                p => $"  {p.Done:N0}/{p.Total:N0} articles ({(watch.Elapsed.TotalSeconds > 0 ? p.Done / watch.Elapsed.TotalSeconds : 0):N0}/s)",
                p => p.Done == p.Total);
            var result = await services.GetRequiredService<ArticleGenerator>()
                .GenerateAsync(parse.GetValue(articles), parse.GetValue(seed), progress, ct, parse.GetValue(batch));
            host.Out.WriteLine($"{result.Added} added (seed {parse.GetValue(seed)}, indexes {result.FirstIndex}–{result.FirstIndex + result.Added - 1};" +
                $" {result.CategoriesAdded} new categories, {result.TagsAdded} new tags) in {watch.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        }));
        return command;
    }

    /// <summary>Range check that leaves values that are not numbers to the parser's own "cannot parse" error.</summary>
    private static void InRange(Option<int> option, int min, int max, string message) =>
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0
                && int.TryParse(r.Tokens[^1].Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
                && (value < min || value > max))
            {
                r.AddError(message);
            }
        });
}
