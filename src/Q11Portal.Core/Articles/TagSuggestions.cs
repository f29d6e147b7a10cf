using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Articles;

/// <summary>Existing tag names for the editor's "as you type" list.</summary>
public sealed class TagSuggestions(PortalDbContext db)
{
    /// <summary>Existing tag names for the "as you type" suggestions, matched without marks.</summary>
    public async Task<IReadOnlyList<string>> SuggestAsync(string? text, int count, CancellationToken ct)
    {
        var folded = Slug.From(text);
        if (folded.Length == 0)
        {
            return [];
        }

        var starts = await db.Tags.AsNoTracking().Where(t => t.Slug.StartsWith(folded)).OrderBy(t => t.Slug).Select(t => t.Name).Take(count).ToListAsync(ct);
        if (starts.Count >= count)
        {
            return starts;
        }

        var contains = await db.Tags.AsNoTracking().Where(t => t.Slug.Contains(folded) && !t.Slug.StartsWith(folded))
            .OrderBy(t => t.Slug).Select(t => t.Name).Take(count - starts.Count).ToListAsync(ct);
        return [.. starts, .. contains];
    }
}
