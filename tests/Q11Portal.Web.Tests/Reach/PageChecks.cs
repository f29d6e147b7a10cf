using Microsoft.Playwright;

namespace Q11Portal.Web.Tests.Reach;

/// <summary>Watches a page for Content-Security-Policy violations (the DOM event and the console lines Chromium
/// writes) and script errors. The listener is an init script, which Playwright runs outside the page's CSP.</summary>
internal sealed class PageChecks
{
    private const string ListenScript =
        "window.__cspViolations = [];" +
        "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(" +
        "e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + e.sourceFile + ':' + e.lineNumber));";

    private readonly List<string> problems = [];

    private PageChecks(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"console {message.Type}: {message.Text} ({page.Url})");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error} ({page.Url})");
    }

    public IPage Page { get; }

    public static async Task<PageChecks> AttachAsync(IPage page)
    {
        await page.AddInitScriptAsync(ListenScript);
        return new PageChecks(page);
    }

    /// <summary>Problems seen so far, including CSP violations reported on the current document.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync()
    {
        var violations = await Page.EvaluateAsync<string[]>("() => window.__cspViolations || []");
        return [.. problems, .. violations.Select(v => $"CSP violation: {v} ({Page.Url})")];
    }
}
