namespace Q11Portal.Core.Categories;

/// <summary>Chuyên mục: nested and ordered.</summary>
public class Category
{
    public int Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public string Slug { get; set; } = string.Empty;
    public string? Description { get; set; }
    public int? ParentId { get; set; }
    public Category? Parent { get; set; }
    public List<Category> Children { get; set; } = [];
    public int SortOrder { get; set; }
    /// <summary>Shown as a block on the home page and in the main menu.</summary>
    public bool ShowOnHome { get; set; } = true;
}
