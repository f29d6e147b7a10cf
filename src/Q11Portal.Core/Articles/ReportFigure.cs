namespace Q11Portal.Core.Articles;

/// <summary>A key figure of a report, shown as a label/value row ("Tập thể được khen thưởng: 70").</summary>
public class ReportFigure
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public string Label { get; set; } = string.Empty;
    public decimal Value { get; set; }
    public string? Unit { get; set; }
    public int SortOrder { get; set; }
}
