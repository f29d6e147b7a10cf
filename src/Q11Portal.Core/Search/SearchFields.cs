namespace Q11Portal.Core.Search;

/// <summary>Field names of the local Lucene index.</summary>
public static class SearchFields
{
    public const string Id = "id";
    public const string SourceId = "source";
    public const string Slug = "slug";
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Body = "body";
    public const string Tags = "tags";
    /// <summary>One folded tag name per value, not tokenized: tag overlap for related news.</summary>
    public const string TagKey = "tagkey";
    public const string CategoryId = "cat";
    public const string CategoryName = "catname";
    /// <summary>Publish time in UTC ticks: range filters and the "newest" order.</summary>
    public const string Published = "published";
    /// <summary>Expiry (Hết hạn) in UTC ticks, long.MaxValue for none: the index leaves out expired articles at query time.</summary>
    public const string Expires = "expires";
    /// <summary>Title, sapo, tags and body folded, with term vectors: the text similarity of related news.</summary>
    public const string Related = "related";
    /// <summary>The article's <see cref="SubjectThesaurus"/> profile, stored as "id=weight …".</summary>
    public const string Subjects = "subjects";
    /// <summary>Subject ids, not tokenized, each repeated by its weight: related-news candidates of the same subject,
    /// and a light preference in search for articles on the subject a query names.</summary>
    public const string Subject = "subject";
}
