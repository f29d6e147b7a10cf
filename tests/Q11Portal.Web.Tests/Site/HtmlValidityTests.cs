using System.Diagnostics;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Q11Portal.Testing;
using Q11Portal.Web.Tests.Infrastructure;

namespace Q11Portal.Web.Tests.Site;

/// <summary>The Nu HTML Checker (npm <c>vnu-jar</c>, run with Java) finds no error on the reading pages and the sign-in
/// page of the demo site. <c>.ci/run</c> installs it under .ci/node-tools; <c>Q11_VNU_JAR</c> names another copy.
/// Without Java or the checker the test is skipped, and fails when everything is required (CI).</summary>
public sealed class HtmlValidityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadingPages_NuHtmlChecker_ReportsNoError()
    {
        var jar = FindChecker();
        if (jar is null || !HasJava())
        {
            TestEnvironment.SkipOrFail("The Nu HTML Checker is not installed (Java and `npm install --prefix .ci/node-tools vnu-jar`, or set Q11_VNU_JAR).");
        }

        await using var app = await PortalAppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Database:SeedDemo"] = "true" });
        using var client = app.CreateClient();
        var home = new HtmlParser().ParseDocument(await client.GetStringAsync("/", Ct));
        var article = home.QuerySelector(".featured__title a")!.GetAttribute("href")!;
        var articlePage = new HtmlParser().ParseDocument(await client.GetStringAsync(article, Ct));
        var tag = articlePage.QuerySelector(".article__tags a")!.GetAttribute("href")!;
        var day = articlePage.QuerySelector(".article__meta time")!.GetAttribute("datetime")![..10];
        var category = articlePage.QuerySelector(".article__category")!.GetAttribute("href")!;
        var topics = new HtmlParser().ParseDocument(await client.GetStringAsync("/chuyen-de", Ct));
        var topic = topics.QuerySelector("a[href^='/chuyen-de/']")!.GetAttribute("href")!;
        var pages = new Dictionary<string, string>
        {
            ["home"] = "/", ["article"] = article, ["category"] = category, ["tag"] = tag, ["date"] = "/xem-theo-ngay/" + day,
            ["search"] = "/tim-kiem?q=%C4%91%E1%BA%A3ng+b%E1%BB%99", ["topic"] = topic, ["login"] = "/dang-nhap",
        };

        var directory = Directory.CreateTempSubdirectory("q11-vnu-");
        try
        {
            foreach (var (name, path) in pages)
            {
                using var response = await client.GetAsync(path, Ct);
                Assert.True(response.IsSuccessStatusCode, $"{name} {path}: {response.StatusCode}");
                await File.WriteAllTextAsync(Path.Combine(directory.FullName, name + ".html"), await response.Content.ReadAsStringAsync(Ct), Ct);
            }

            var errors = await CheckAsync(jar!, directory.FullName, pages.Keys.Select(n => n + ".html"));
            Assert.True(errors.Count == 0, "Nu HTML Checker errors:\n" + string.Join("\n", errors));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<List<string>> CheckAsync(string jar, string directory, IEnumerable<string> files)
    {
        var start = new ProcessStartInfo("java") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-jar", jar, "--errors-only", "--format", "json" }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        // The checker writes its JSON report to standard error.
        var report = (await stderr).Trim() is { Length: > 0 } e ? e : (await stdout).Trim();
        using var json = JsonDocument.Parse(report);
        return json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() == "error" || m.TryGetProperty("subType", out var s) && s.GetString() == "fatal")
            .Select(m => $"{Path.GetFileName(m.TryGetProperty("url", out var u) ? u.GetString() : "?")}:{(m.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0)} {m.GetProperty("message").GetString()}")
            .ToList();
    }

    private static string? FindChecker()
    {
        if (Environment.GetEnvironmentVariable("Q11_VNU_JAR") is { Length: > 0 } configured && File.Exists(configured))
        {
            return configured;
        }

        var root = TestEnvironment.FindRepositoryRoot();
        var installed = root is null ? null : Path.Combine(root, ".ci", "node-tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        return installed is not null && File.Exists(installed) ? installed : null;
    }

    private static bool HasJava()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("java", "-version") { RedirectStandardError = true, RedirectStandardOutput = true });
            process!.WaitForExit(30_000);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
