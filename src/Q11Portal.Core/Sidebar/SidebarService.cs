using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Sidebar;

public sealed record SidebarItemView(string Title, string? Url, string? ImageUrl, string? VideoUrl, string? Caption);

public sealed record SidebarBlockView(int Id, SidebarBlockKind Kind, string Title, IReadOnlyList<SidebarItemView> Items);

/// <summary>The sidebar blocks a reader sees now: active, inside their ActiveFrom/ActiveUntil window, in order.</summary>
public sealed class SidebarService(PortalDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<SidebarBlockView>> GetActiveBlocksAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var blocks = await db.SidebarBlocks.AsNoTracking()
            .Where(b => b.IsActive
                && (b.ActiveFromUtc == null || b.ActiveFromUtc <= now)
                && (b.ActiveUntilUtc == null || b.ActiveUntilUtc > now))
            .OrderBy(b => b.SortOrder).ThenBy(b => b.Id)
            .Select(b => new
            {
                b.Id, b.Kind, b.Title,
                Items = b.Items.OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
                    .Select(i => new SidebarItemView(i.Title, i.Url, i.ImageUrl, i.VideoUrl, i.Caption)).ToList(),
            })
            .ToListAsync(ct);
        // A block with nothing in it would be an empty box with a heading.
        return blocks.Where(b => b.Items.Count > 0).Select(b => new SidebarBlockView(b.Id, b.Kind, b.Title, b.Items)).ToList();
    }
}
