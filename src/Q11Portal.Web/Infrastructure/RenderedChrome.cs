using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Q11Portal.Web.Infrastructure;

/// <summary>The HTML of the page chrome (main menu, sidebar blocks, footer links), rendered once per snapshot of its
/// data and reused by every page until the data is read again. A snapshot is one object held by
/// <see cref="SiteChromeCache"/> (replaced when staff change the chrome, or after its lifetime); its HTML is kept beside
/// it here and goes with it. A view that depends on the request beyond the snapshot names that in its variant (the
/// menu: which of its links is the current page), so each variant is rendered once.</summary>
public sealed class RenderedChrome
{
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, IHtmlContent>> rendered = new();

    /// <summary>The component's view of <paramref name="snapshot"/> for <paramref name="variant"/>: rendered from
    /// <paramref name="view"/> the first time, then the same HTML.</summary>
    public async Task<IViewComponentResult> OnceAsync(ViewComponent component, object snapshot, string variant, Func<ViewViewComponentResult> view)
    {
        var byVariant = rendered.GetValue(snapshot, static _ => new ConcurrentDictionary<string, IHtmlContent>(StringComparer.Ordinal));
        if (!byVariant.TryGetValue(variant, out var html))
        {
            html = await RenderAsync(component.ViewComponentContext, view());
            byVariant.TryAdd(variant, html);
        }

        return new HtmlContentViewComponentResult(html);
    }

    private static async Task<IHtmlContent> RenderAsync(ViewComponentContext context, ViewViewComponentResult view)
    {
        await using var html = new StringWriter();
        await view.ExecuteAsync(new ViewComponentContext(context.ViewComponentDescriptor, context.Arguments, context.HtmlEncoder, context.ViewContext, html));
        return new HtmlString(html.ToString());
    }
}
