namespace Q11Portal.Core.Documents;

/// <summary>A document as lists show it.</summary>
public sealed record DocumentSummary(int Id, string Kind, string Symbol, string Slug, string Excerpt, string Issuer, DateOnly IssuedOn, DocumentValidity Validity)
{
    /// <summary>"Chỉ thị số 05-CT/TW".</summary>
    public string Title => DocumentRules.Title(Kind, Symbol);
}

public sealed record DocumentFileSummary(int Id, string FileName, string ContentType, long SizeBytes);

/// <summary>A document page: the document, its files, what replaced it and what it replaced.</summary>
public sealed record DocumentDetails(
    DocumentSummary Document, string? Signer, IReadOnlyList<DocumentFileSummary> Files, DocumentSummary? ReplacedBy,
    IReadOnlyList<DocumentSummary> Replaces, DateTime UpdatedAtUtc);

/// <summary>The public list's filters; all optional. <see cref="Lookup"/> is a number in any written form, or words of
/// the excerpt.</summary>
public sealed record DocumentListQuery(string? Kind = null, string? Issuer = null, int? Year = null, string? Lookup = null, int Page = 1);

public sealed record DocumentListPage(IReadOnlyList<DocumentSummary> Items, int Total, int Page, int PageSize, IReadOnlyList<string> Issuers, IReadOnlyList<int> Years);

/// <summary>A file to stream.</summary>
public sealed record DocumentFileDownload(string FileName, string ContentType, string PhysicalPath, long SizeBytes, DateTime UploadedAtUtc);

/// <summary>What an automatic link needs: the document's keys, its page and its title.</summary>
public sealed record DocumentLinkTarget(string ReferenceKey, string KindNumberKey, string Slug, string Title);

/// <summary>An article that names a document.</summary>
public sealed record DocumentMention(int ArticleId, string Slug, string Title, DateTime PublishedAtUtc);
