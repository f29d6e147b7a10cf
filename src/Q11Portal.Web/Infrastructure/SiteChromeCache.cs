using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Media;
using Q11Portal.Core.Pages;
using Q11Portal.Core.Sidebar;

namespace Q11Portal.Web.Infrastructure;

/// <summary>The sidebar blocks as a page shows them, with each portal picture's width and height.</summary>
public sealed record SidebarChrome(IReadOnlyList<SidebarBlockView> Blocks, IReadOnlyDictionary<string, (int Width, int Height)> ImageSizes);

/// <summary>The main menu's categories and the site pages placed in it.</summary>
public sealed record MenuChrome(IReadOnlyList<MenuCategory> Categories, IReadOnlyList<SitePageLink> PageLinks);

/// <summary>The site pages linked from the footer.</summary>
public sealed record FooterChrome(IReadOnlyList<SitePageLink> PageLinks);

/// <summary>What every public page shows around its content and what changes only when staff change it: the main
/// menu (categories and site pages), the sidebar blocks (with their pictures' sizes) and the footer's site pages.
/// Rendering a page used to read them from the database each time; now they are kept in memory (three small entries)
/// for <see cref="Lifetime"/> at most, and dropped together with the cached pages (<see cref="PublicPageCacheInvalidator"/>:
/// this node's changes at once, any node's through the change log within about a second). The lifetime bounds what a block's start/end time can take to show. Each entry is one
/// object until it is read again, so its rendered HTML is kept beside it (<see cref="RenderedChrome"/>).</summary>
public sealed class SiteChromeCache(IMemoryCache cache, IServiceScopeFactory scopes) : IPublicContentCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private const string MenuKey = "site-chrome:menu";
    private const string SidebarKey = "site-chrome:sidebar";
    private const string FooterKey = "site-chrome:footer";

    private CancellationTokenSource generation = new();

    public async Task<MenuChrome> GetMenuAsync(CancellationToken ct) =>
        await GetAsync(MenuKey, LoadMenuAsync, ct) ?? new MenuChrome([], []);

    public async Task<FooterChrome> GetFooterAsync(CancellationToken ct) =>
        await GetAsync(FooterKey, async (services, token) =>
            new FooterChrome(await services.GetRequiredService<SitePageService>().LinksAsync(PagePlacement.Footer, token)), ct)
        ?? new FooterChrome([]);

    public async Task<SidebarChrome> GetSidebarAsync(CancellationToken ct) =>
        await GetAsync(SidebarKey, LoadSidebarAsync, ct) ?? new SidebarChrome([], new Dictionary<string, (int, int)>());

    /// <summary>Drops every entry; the next page reads them again.</summary>
    public void Evict()
    {
        var old = Interlocked.Exchange(ref generation, new CancellationTokenSource());
        old.Cancel();
        old.Dispose();
    }

    private async Task<T?> GetAsync<T>(string key, Func<IServiceProvider, CancellationToken, Task<T>> load, CancellationToken ct)
    {
        if (cache.TryGetValue(key, out T? value))
        {
            return value;
        }

        var token = generation.Token;
        await using var scope = scopes.CreateAsyncScope();
        value = await load(scope.ServiceProvider, ct);
        if (!token.IsCancellationRequested)
        {
            using var entry = cache.CreateEntry(key);
            entry.Value = value;
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            entry.Size = 1;
            entry.AddExpirationToken(new Microsoft.Extensions.Primitives.CancellationChangeToken(token));
        }

        return value;
    }

    private static async Task<MenuChrome> LoadMenuAsync(IServiceProvider services, CancellationToken ct) =>
        new(await services.GetRequiredService<CategoryService>().GetMenuAsync(ct),
            await services.GetRequiredService<SitePageService>().LinksAsync(PagePlacement.MainMenu, ct));

    private static async Task<SidebarChrome> LoadSidebarAsync(IServiceProvider services, CancellationToken ct)
    {
        var blocks = await services.GetRequiredService<SidebarService>().GetActiveBlocksAsync(ct);
        var stems = blocks.SelectMany(b => b.Items)
            .Select(i => MediaPaths.TryParseRenditionUrl(i.ImageUrl, out var name, out _) ? name : null)
            .OfType<string>()
            .Distinct().ToList();
        var sizes = new Dictionary<string, (int Width, int Height)>(StringComparer.Ordinal);
        if (stems.Count > 0)
        {
            var media = await services.GetRequiredService<PortalDbContext>().MediaFiles.AsNoTracking()
                .Where(m => stems.Contains(m.StoredName))
                .Select(m => new { m.StoredName, m.Width, m.Height })
                .ToListAsync(ct);
            foreach (var item in blocks.SelectMany(b => b.Items).Where(i => i.ImageUrl is not null))
            {
                var file = MediaPaths.TryParseRenditionUrl(item.ImageUrl, out var name, out var shown)
                    ? media.FirstOrDefault(m => m.StoredName == name) : null;
                if (file is { Width: > 0 })
                {
                    sizes[item.ImageUrl!] = (shown, (int)Math.Round(file.Height * (shown / (double)file.Width)));
                }
            }
        }

        return new SidebarChrome(blocks, sizes);
    }
}

public static class SiteChromeCacheExtensions
{
    public static IServiceCollection AddSiteChromeCache(this IServiceCollection services)
    {
        services.AddSingleton<SiteChromeCache>();
        services.AddSingleton<RenderedChrome>();
        services.AddSingleton<IPublicContentCache>(sp => sp.GetRequiredService<SiteChromeCache>());
        return services;
    }
}
