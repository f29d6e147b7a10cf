using Q11Portal.Core.Categories;

namespace Q11Portal.Web.Areas.Admin.Models;

/// <summary>What the category form posts. Everything is optional at binding time so that the service gives the
/// Vietnamese message and the typed text comes back in the form.</summary>
public sealed class CategoryInput
{
    public string? Name { get; set; }
    public string? Slug { get; set; }
    public int? ParentId { get; set; }
    public string? Description { get; set; }
    /// <summary>False when the checkbox is not sent (unchecked).</summary>
    public bool ShowOnHome { get; set; }

    public static CategoryInput From(CategoryNode node) => new()
    {
        Name = node.Name,
        Slug = node.Slug,
        ParentId = node.ParentId,
        Description = node.Description,
        ShowOnHome = node.ShowOnHome,
    };
}

public sealed record CategoryListViewModel(IReadOnlyList<CategoryNode> Tree);

/// <param name="Id">Null when creating.</param>
/// <param name="Parents">The categories the edited one may go under (not itself nor its descendants).</param>
public sealed record CategoryEditViewModel(int? Id, CategoryInput Input, IReadOnlyList<CategoryNode> Parents, IReadOnlyList<string> OldSlugs);

/// <param name="Targets">Where its articles and sub-categories may move (not itself nor its descendants).</param>
public sealed record CategoryDeleteViewModel(CategoryNode Category, IReadOnlyList<CategoryNode> Targets, int? MoveTo);
