namespace Q11Portal.Core.Topics;

/// <summary>Chuyên đề: a public page gathering reports (e.g. reviews of Directive 05-CT/TW) by period.</summary>
public class Topic
{
    public int Id { get; set; }
    public string Title { get; set; } = string.Empty;
    public string Slug { get; set; } = string.Empty;
    public string? Description { get; set; }
    public int SortOrder { get; set; }
    public bool IsPublished { get; set; } = true;
}
