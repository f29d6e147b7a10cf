using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Articles;

public static class ContentChanges
{
    /// <summary>Queues an "upserted" change for each article, so every node re-indexes them (after a category rename,
    /// a tag merge…). Stored by the caller's next <c>SaveChangesAsync</c>.</summary>
    public static async Task MarkAsync(PortalDbContext db, IQueryable<int> articleIds, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await articleIds.ToListAsync(ct);
        db.ContentChanges.AddRange(ids.Select(id => new ContentChange { ArticleId = id, Kind = ContentChangeKind.Upserted, AtUtc = now }));
    }
}
