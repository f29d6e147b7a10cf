using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Tags;

/// <summary>Reading-site lookups for tags.</summary>
public sealed class TagService(PortalDbContext db)
{
    /// <summary>The current slug of the tag an old (renamed or merged) slug leads to; null when none.</summary>
    public Task<string?> FindRenamedSlugAsync(string oldSlug, CancellationToken ct) =>
        db.TagSlugHistory.AsNoTracking().Where(h => h.Slug == oldSlug).Select(h => h.Tag.Slug).FirstOrDefaultAsync(ct);
}
