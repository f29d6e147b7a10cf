using Microsoft.EntityFrameworkCore;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Categories;

public sealed record MenuCategory(CategoryRef Category, IReadOnlyList<CategoryRef> Children);

public sealed class CategoryService(PortalDbContext db)
{
    /// <summary>The main menu: top-level categories in their order, each with its sub-categories.</summary>
    public async Task<IReadOnlyList<MenuCategory>> GetMenuAsync(CancellationToken ct)
    {
        var all = await db.Categories.AsNoTracking()
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.ParentId, c.Name, c.Slug, c.ShowOnHome })
            .ToListAsync(ct);
        return all.Where(c => c.ParentId == null && c.ShowOnHome)
            .Select(c => new MenuCategory(
                new CategoryRef(c.Id, c.Name, c.Slug),
                all.Where(x => x.ParentId == c.Id).Select(x => new CategoryRef(x.Id, x.Name, x.Slug)).ToList()))
            .ToList();
    }

    /// <summary>The current slug of the category that used to be reachable at <paramref name="oldSlug"/>; null when none.</summary>
    public Task<string?> FindRenamedSlugAsync(string oldSlug, CancellationToken ct) =>
        db.CategorySlugHistory.AsNoTracking().Where(h => h.Slug == oldSlug).Select(h => h.Category.Slug).FirstOrDefaultAsync(ct);
}
