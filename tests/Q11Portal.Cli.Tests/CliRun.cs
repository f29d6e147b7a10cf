using Q11Portal.Testing;

namespace Q11Portal.Cli.Tests;

/// <summary>One in-process run of the CLI with its exit code and what it wrote.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs the CLI against the test database (its settings become <c>--Key=Value</c> overrides).</summary>
    public static async Task<CliRun> RunAsync(TestDatabase database, params string[] args)
    {
        var settings = database.Settings.Select(s => $"--{s.Key}={s.Value}");
        return await RunAsync([.. args, .. settings]);
    }

    public static async Task<CliRun> RunAsync(params string[] args) => await RunWithInputAsync(null, args);

    /// <summary>Runs the CLI with <paramref name="input"/> as its standard input.</summary>
    public static async Task<CliRun> RunWithInputAsync(string? input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = input is null ? null : new StringReader(input);
        var code = await CliApp.RunAsync(args, output, error, TestContext.Current.CancellationToken, reader);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- out\n{Output}\n--- err\n{Error}";
}

public static class CorpusFiles
{
    /// <summary>The shared development corpus when the checkout sits beside it, else the small corpus shipped with the tests.</summary>
    public static string Articles =>
        TestEnvironment.SharedDirectory is { } shared && File.Exists(Path.Combine(shared, "corpus", "articles.json"))
            ? Path.Combine(shared, "corpus", "articles.json")
            : Small;

    public static string Small => Path.Combine(AppContext.BaseDirectory, "Data", "articles-small.json");

    /// <summary>Writes a temp import file; deleted with the test database's data directory.</summary>
    public static string Write(TestDatabase database, string json, string name = "import.json")
    {
        var path = Path.Combine(database.DataDirectory, name);
        File.WriteAllText(path, json);
        return path;
    }
}
