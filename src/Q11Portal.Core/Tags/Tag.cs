namespace Q11Portal.Core.Tags;

/// <summary>Từ khóa.</summary>
public class Tag
{
    public int Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public string Slug { get; set; } = string.Empty;
}
