using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;
using Q11Portal.Core.Search;
using Q11Portal.Core.Search.Evaluation;

namespace Q11Portal.Cli.Commands;

/// <summary>reindex, search and related: the local search index and the stored related-news lists.</summary>
public static class SearchCommands
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // Vietnamese stays readable in the output instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static void AddTo(RootCommand root, CliHost host)
    {
        root.Subcommands.Add(Reindex(host));
        root.Subcommands.Add(Search(host));
        root.Subcommands.Add(Related(host));
        root.Subcommands.Add(Eval(host));
    }

    public static Command Eval(CliHost host)
    {
        var corpus = new Option<string>("--corpus") { Description = "A corpus directory: articles.json, search-queries.json, related-judgements.json.", Required = true };
        var queries = new Option<string?>("--queries")
        {
            Description = "The folder of the judged query halves (search-queries-tuning.json, search-queries-heldout.json); default: the repository's tests/eval folder above the current directory.",
        };
        var perQuery = new Option<bool>("--per-query") { Description = "Also print every query of the halves that is not perfect, beside plain BM25." };
        var command = new Command("eval", "Import a corpus into a throwaway database and print search and related-news quality beside the baselines, and the judged query halves beside plain BM25.")
        {
            corpus, queries, perQuery,
        };
        command.SetAction(async (parse, ct) =>
        {
            var directory = Path.GetFullPath(parse.GetValue(corpus) ?? ".");
            if (!File.Exists(Path.Combine(directory, "articles.json")))
            {
                await host.Error.WriteLineAsync($"error: {directory} has no articles.json.");
                return CliRunner.BadInput;
            }

            var scratch = Directory.CreateTempSubdirectory("q11-eval-").FullName;
            try
            {
                var evalHost = new CliHost(
                [
                    "--Database:Provider=Sqlite", $"--Database:ConnectionString=Data Source={Path.Combine(scratch, "eval.db")}",
                    $"--DataDirectory={scratch}", "--Search:BackgroundSync=false",
                ], host.Out, host.Error);
                return await CliRunner.RunAsync(evalHost, async services =>
                {
                    await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
                    var imported = await services.GetRequiredService<Core.Import.ArticleImporter>().ImportFileAsync(Path.Combine(directory, "articles.json"), null, ct);
                    await services.GetRequiredService<ArticleIndexingService>().RebuildAllAsync(null, null, ct);
                    var report = await ActivatorUtilities.CreateInstance<CorpusEvaluator>(services).EvaluateAsync(directory, ct);
                    await host.Out.WriteLineAsync($"Corpus {directory}: {imported.Total} articles imported into a throwaway database.");
                    await host.Out.WriteLineAsync(CorpusEvaluator.Format(report));
                    await host.Out.WriteLineAsync();
                    await host.Out.WriteLineAsync(EvaluateHalves(services, directory, parse.GetValue(queries), parse.GetValue(perQuery)));
                    return 0;
                });
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try
                {
                    Directory.Delete(scratch, recursive: true);
                }
                catch (IOException)
                {
                    // Left for the OS to clean.
                }
            }
        });
        return command;
    }

    /// <summary>The corpus's own queries, then the tuning half, the second tuning set of the weak kinds (when present)
    /// and the held-out half, each beside plain BM25.</summary>
    private static string EvaluateHalves(IServiceProvider services, string corpusDirectory, string? queryDirectory, bool perQuery)
    {
        var evaluator = ActivatorUtilities.CreateInstance<QuerySetEvaluator>(services);
        var reports = new List<QuerySetReport>
        {
            evaluator.Evaluate("development", CorpusEvaluator.ReadSearchJudgements(corpusDirectory)),
        };
        var halves = queryDirectory is null ? QuerySetEvaluator.FindQueryDirectory(Directory.GetCurrentDirectory()) : Path.GetFullPath(queryDirectory);
        if (halves is null || !File.Exists(Path.Combine(halves, QuerySetEvaluator.TuningFile)))
        {
            throw new CliException($"no {QuerySetEvaluator.TuningFile} found; give the folder with --queries (the repository's tests/eval folder).");
        }

        reports.Add(evaluator.Evaluate("tuning half", QuerySetEvaluator.Read(Path.Combine(halves, QuerySetEvaluator.TuningFile))));
        var second = Path.Combine(halves, QuerySetEvaluator.SecondTuningFile);
        if (File.Exists(second))
        {
            reports.Add(evaluator.Evaluate("tuning set 2", QuerySetEvaluator.Read(second)));
        }

        reports.Add(evaluator.Evaluate("held-out half", QuerySetEvaluator.Read(Path.Combine(halves, QuerySetEvaluator.HeldOutFile))));
        return $"Judged queries: {halves}{Environment.NewLine}{QuerySetEvaluator.Format(reports, perQuery)}";
    }

    public sealed record ResultItem(string? SourceId, string Slug, string Title, double Score);

    public static Command Reindex(CliHost host)
    {
        var command = new Command("reindex", "Rebuild this node's search index and every related-news list from the database.");
        command.SetAction(async (_, ct) => await CliRunner.RunAsync(host, async services =>
        {
            await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var indexing = services.GetRequiredService<ArticleIndexingService>();
            await indexing.RebuildAllAsync(new ProgressBar("Index  ", host.Error), new ProgressBar("Related", host.Error), ct);
            var count = services.GetRequiredService<SearchIndex>().Count;
            host.Out.WriteLine($"Search index rebuilt: {count} published articles, related-news lists recomputed in {started.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        }));
        return command;
    }

    public static Command Search(CliHost host)
    {
        var query = new Argument<string>("query") { Description = "The query, or - to read one query per line from standard input." };
        var top = TopOption(10);
        var json = new Option<bool>("--json") { Description = "Print a JSON array of {sourceId, slug, title, score} in rank order." };
        var command = new Command("search", "Search published articles as the portal's /tim-kiem does.") { query, top, json };
        command.SetAction(async (parse, ct) => await CliRunner.RunAsync(host, async services =>
        {
            var count = CheckTop(parse.GetValue(top));
            await PrepareIndexAsync(services, ct);
            var search = services.GetRequiredService<SearchService>();
            var text = parse.GetValue(query) ?? string.Empty;
            var asJson = parse.GetValue(json);
            if (text == "-")
            {
                string? line;
                while ((line = await host.In.ReadLineAsync(ct)) is not null)
                {
                    Print(host.Out, Run(search, line, count), asJson: true);
                }

                return 0;
            }

            if (!asJson && search.Search(new SearchRequest(text, PageSize: 1, Highlight: false)).Correction is { } correction)
            {
                host.Out.WriteLine($"Also searched: {correction.Text} ({string.Join(", ", correction.Changes.Select(c => $"{c.Typed} → {c.Corrected}"))})");
            }

            Print(host.Out, Run(search, text, count), asJson);
            return 0;
        }));
        return command;
    }

    public static Command Related(CliHost host)
    {
        var article = new Argument<string?>("article") { Description = "Source id (e.g. d001) or slug of a published article.", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Print one JSON object mapping every published article (source id, or slug) to its list." };
        var top = TopOption(5);
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("related", "Print the stored \"Tin liên quan\" list of an article (what its sidebar shows).") { article, all, top, json };
        command.SetAction(async (parse, ct) => await CliRunner.RunAsync(host, async services =>
        {
            var count = CheckTop(parse.GetValue(top));
            var db = services.GetRequiredService<PortalDbContext>();
            var related = services.GetRequiredService<RelatedArticleService>();
            await EnsureRelatedListsAsync(services, ct);
            if (parse.GetValue(all))
            {
                var articles = await db.Articles.AsNoTracking()
                    .Where(a => a.Status == ArticleStatus.Published)
                    .OrderBy(a => a.SourceId ?? a.Slug)
                    .Select(a => new { a.Id, Key = a.SourceId ?? a.Slug })
                    .ToListAsync(ct);
                var map = new Dictionary<string, IReadOnlyList<ResultItem>>();
                foreach (var item in articles)
                {
                    map[item.Key] = await ListAsync(db, related, item.Id, count, ct);
                }

                host.Out.WriteLine(JsonSerializer.Serialize(map, Json));
                return 0;
            }

            var key = parse.GetValue(article)?.Trim();
            if (string.IsNullOrEmpty(key))
            {
                throw new CliException("give an article's source id or slug, or --all.");
            }

            var id = await db.Articles.AsNoTracking().Where(a => a.SourceId == key || a.Slug == key).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct)
                ?? throw new CliException($"no article has the source id or slug \"{key}\".");
            Print(host.Out, await ListAsync(db, related, id, count, ct), parse.GetValue(json));
            return 0;
        }));
        return command;
    }

    private static Option<int> TopOption(int defaultValue) =>
        new("--top") { Description = $"How many results (1-{SearchService.MaxPageSize}, default {defaultValue}).", DefaultValueFactory = _ => defaultValue };

    private static int CheckTop(int top) =>
        top is < 1 or > SearchService.MaxPageSize ? throw new CliException($"--top must be between 1 and {SearchService.MaxPageSize}.") : top;

    private static List<ResultItem> Run(SearchService search, string query, int top) =>
        search.Search(new SearchRequest(query, PageSize: top, Highlight: false)).Hits
            .Select(h => new ResultItem(h.SourceId, h.Slug, h.Title, Math.Round(h.Score, 4)))
            .ToList();

    private static async Task<IReadOnlyList<ResultItem>> ListAsync(PortalDbContext db, RelatedArticleService related, int articleId, int top, CancellationToken ct)
    {
        var list = await related.GetAsync(articleId, top, ct);
        var ids = list.Select(r => r.Id).ToList();
        var sources = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.SourceId, ct);
        return list.Select(r => new ResultItem(sources.GetValueOrDefault(r.Id), r.Slug, r.Title, Math.Round(r.Score, 4))).ToList();
    }

    private static void Print(TextWriter output, IReadOnlyList<ResultItem> items, bool asJson)
    {
        if (asJson)
        {
            output.WriteLine(JsonSerializer.Serialize(items, Json));
            return;
        }

        if (items.Count == 0)
        {
            output.WriteLine("No results.");
        }

        var rank = 1;
        foreach (var item in items)
        {
            output.WriteLine($"{rank++,3}. [{item.SourceId ?? "-"}] {item.Title}  ({item.Score:0.000})  /tin-tuc/{item.Slug}");
        }
    }

    /// <summary>A missing index is built before the first search, so a fresh data directory just works.</summary>
    private static async Task PrepareIndexAsync(IServiceProvider services, CancellationToken ct)
    {
        var index = services.GetRequiredService<SearchIndex>();
        index.EnsureOpen();
        if (index.NeedsRebuild && !index.IsReadOnly)
        {
            await services.GetRequiredService<SearchIndexer>().RebuildAsync(null, ct);
        }
        else if (!index.IsReadOnly)
        {
            await services.GetRequiredService<SearchIndexer>().CatchUpAsync(ct);
        }
    }

    private static async Task EnsureRelatedListsAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        if (!await db.RelatedArticles.AnyAsync(ct) && await db.Articles.AnyAsync(a => a.Status == ArticleStatus.Published, ct))
        {
            await PrepareIndexAsync(services, ct);
            await services.GetRequiredService<RelatedArticleService>().RecomputeAllAsync(null, ct);
        }
    }

    /// <summary>A one-line progress bar on standard error, so standard output stays clean for pipes.</summary>
    private sealed class ProgressBar(string label, TextWriter error) : IProgress<(int Done, int Total)>
    {
        private int lastPercent = -1;

        public void Report((int Done, int Total) value)
        {
            var percent = value.Total == 0 ? 100 : (int)(value.Done * 100L / value.Total);
            if (percent == lastPercent && value.Done != value.Total)
            {
                return;
            }

            lastPercent = percent;
            var filled = percent * 30 / 100;
            error.Write($"\r{label} [{new string('#', filled)}{new string('.', 30 - filled)}] {percent,3}% {value.Done}/{value.Total}");
            if (value.Done >= value.Total)
            {
                error.WriteLine();
            }
        }
    }
}
