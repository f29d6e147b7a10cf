using System.Text.Json;

namespace Q11Portal.Core.Articles;

/// <summary>The fields of a revision besides title, sapo and body, stored as JSON in
/// <see cref="ArticleRevision.MetadataJson"/>. The one shape every writer of revisions uses (the editor on each save,
/// the importer on each imported change), so restoring any revision gives back the whole article.</summary>
/// <param name="SourceId">The import file's id of an imported article; restoring leaves it alone.</param>
/// <param name="CorrectionNote">The Đính chính note the article carried after this save, and when it was corrected.</param>
public sealed record RevisionSnapshot(
    int CategoryId,
    int? LeadImageId,
    string? LeadImageCaption,
    string? Byline,
    string? Source,
    IReadOnlyList<string> Tags,
    DateTime? PublishAtUtc,
    string? SourceId = null,
    string? CorrectionNote = null,
    DateTime? CorrectedAtUtc = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A revision of the article as it is now. The article must have its id (saved at least once);
    /// <paramref name="tagNames"/> are its tags by name, since a caller may hold them without the tag rows.</summary>
    public static ArticleRevision Take(Article article, IEnumerable<string> tagNames, string? userName, DateTime nowUtc)
    {
        var snapshot = new RevisionSnapshot(article.CategoryId, article.LeadImageId, article.LeadImageCaption, article.Byline, article.Source,
            tagNames.Order(StringComparer.Ordinal).ToList(), article.PublishedAtUtc, article.SourceId, article.CorrectionNote, article.CorrectedAtUtc);
        return new ArticleRevision
        {
            ArticleId = article.Id,
            CreatedAtUtc = nowUtc,
            UserName = userName,
            Title = article.Title,
            Summary = article.Summary,
            BodyHtml = article.BodyHtml,
            MetadataJson = JsonSerializer.Serialize(snapshot, Json),
            Status = article.Status,
        };
    }

    /// <summary>The snapshot stored with a revision; null when there is none or it cannot be read (the restore then
    /// keeps the article's current fields).</summary>
    public static RevisionSnapshot? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<RevisionSnapshot>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
