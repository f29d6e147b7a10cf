namespace Q11Portal.Core.Categories;

/// <summary>A slug a category had before an editor changed it; old links (/chuyen-muc/old) redirect (301) to the
/// current slug.</summary>
public class CategorySlugHistory
{
    public int Id { get; set; }
    public string Slug { get; set; } = string.Empty;
    public int CategoryId { get; set; }
    public Category Category { get; set; } = null!;
    public DateTime RetiredAtUtc { get; set; }
}
