namespace Q11Portal.Core.Reports;

/// <summary>A topic (Chuyên đề) as the index and the admin list show it.</summary>
public sealed record TopicSummary(int Id, string Title, string Slug, string? Description, bool IsPublished, int SortOrder, int ReportCount);

/// <summary>A published report in a topic, one column of the figure table.</summary>
public sealed record TopicReport(
    int ArticleId,
    string Title,
    string Slug,
    string Summary,
    string? ReviewedDocument,
    string? ReportingUnit,
    string? ReportPeriod,
    DateTime PublishedAtUtc)
{
    /// <summary>The column heading: the period, or the publish date when no period was given.</summary>
    public string ColumnTitle => string.IsNullOrWhiteSpace(ReportPeriod)
        ? Common.LocalTime.ToLocal(PublishedAtUtc).ToString("dd/MM/yyyy")
        : ReportPeriod;
}

/// <summary>One row of the figure table: a label and each report's value (null when that report lacks the figure).</summary>
public sealed record FigureRow(string Label, string? Unit, IReadOnlyList<decimal?> Values)
{
    public string Heading => string.IsNullOrWhiteSpace(Unit) ? Label : $"{Label} ({Unit})";
}

/// <summary>Everything the public topic page shows.</summary>
public sealed record TopicPage(TopicSummary Topic, IReadOnlyList<TopicReport> Reports, IReadOnlyList<FigureRow> Figures);

/// <summary>A figure row as an editor enters it.</summary>
public sealed record FigureInput(string Label, decimal Value, string? Unit);

/// <summary>The structured fields of a report (<c>Article.Kind = Report</c>).</summary>
public sealed record ReportFields(
    int ArticleId,
    string ArticleTitle,
    bool IsReport,
    string? ReviewedDocument,
    string? ReportingUnit,
    string? ReportPeriod,
    int? TopicId,
    Guid Version,
    string? CreatedById,
    Articles.ArticleStatus Status,
    IReadOnlyList<FigureInput> Figures);
