using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;
using Q11Portal.Core.Import;

namespace Q11Portal.Cli.Commands;

public static class ImportCommands
{
    public static Command Import(CliHost host)
    {
        var file = new Argument<FileInfo>("file") { Description = "A JSON array of articles (the format of shared/corpus/articles.json)." };
        var validateOnly = new Option<bool>("--validate-only") { Description = "Check the file and report problems without touching the database." };
        var command = new Command("import", "Import articles from a JSON file; re-importing the same file updates instead of duplicating.")
        {
            file,
            validateOnly,
        };
        command.SetAction(async (parse, ct) => await CliRunner.RunAsync(host, async services =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliException(Directory.Exists(path.FullName)
                    ? $"{path.FullName} is a directory, not a JSON file."
                    : $"file not found: {path.FullName}");
            }

            var sanitizer = services.GetRequiredService<ArticleHtmlSanitizer>();
            IReadOnlyList<ArticleImportRecord> records;
            try
            {
                await using var stream = path.OpenRead();
                records = await ArticleImportReader.ReadAsync(stream, sanitizer, ct);
            }
            catch (ArticleImportException ex)
            {
                throw new CliException($"{path.Name}: {ex.Message}");
            }

            host.Out.WriteLine($"{path.Name}: {records.Count} articles, valid.");
            if (parse.GetValue(validateOnly))
            {
                return 0;
            }

            if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Migrate)
            {
                await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            }

            var watch = Stopwatch.StartNew();
            var progress = new CliProgress<ArticleImportProgress>(host.Out,
                p => $"  {p.Done}/{p.Total} articles", p => p.Done == p.Total);
            var result = await services.GetRequiredService<ArticleImporter>().ImportAsync(records, progress, ct, path.Name);
            host.Out.WriteLine($"{result.Added} added, {result.Updated} updated, {result.Unchanged} unchanged" +
                $" ({result.CategoriesAdded} new categories, {result.TagsAdded} new tags) in {watch.Elapsed.TotalSeconds:0.0} s.");
            if (result.Dropped.Count > 0)
            {
                host.Out.WriteLine($"{result.Dropped.Count} articles lost something to the HTML rules (images only from the portal's media, embeds only from the video players):");
                foreach (var drop in result.Dropped)
                {
                    host.Out.WriteLine("  " + drop);
                }
            }

            return 0;
        }));
        return command;
    }
}
