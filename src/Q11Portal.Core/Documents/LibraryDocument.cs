namespace Q11Portal.Core.Documents;

/// <summary>Whether a document still applies.</summary>
public enum DocumentValidity
{
    /// <summary>Còn hiệu lực.</summary>
    InForce = 0,
    /// <summary>Hết hiệu lực.</summary>
    Expired = 1,
    /// <summary>Thay thế bởi another document of the library (<see cref="LibraryDocument.ReplacedById"/>).</summary>
    Replaced = 2,
}

/// <summary>Văn bản: a Party or State document of the library (Chỉ thị 05-CT/TW…), with its files. Named apart from
/// Lucene's Document, which Core also uses.</summary>
public class LibraryDocument
{
    public int Id { get; set; }
    /// <summary>The kind's code (<see cref="LibraryDocumentKind.Code"/>): "ct", "kl", "qd"…</summary>
    public string Kind { get; set; } = string.Empty;
    /// <summary>Số và ký hiệu as the editor typed it: "05-CT/TW".</summary>
    public string Symbol { get; set; } = string.Empty;
    /// <summary>The parser's key of the symbol ("ct:5:tw"), for look-ups and links in every written form.</summary>
    public string ReferenceKey { get; set; } = string.Empty;
    /// <summary>"ct:5": finds the document from a reference that names no issuer.</summary>
    public string KindNumberKey { get; set; } = string.Empty;
    public string Slug { get; set; } = string.Empty;
    /// <summary>Trích yếu: what the document is about.</summary>
    public string Excerpt { get; set; } = string.Empty;
    /// <summary>Cơ quan ban hành: "Bộ Chính trị", "Ban Thường vụ Quận ủy".</summary>
    public string Issuer { get; set; } = string.Empty;
    public DateOnly IssuedOn { get; set; }
    /// <summary>Người ký, with the title they signed under.</summary>
    public string? Signer { get; set; }
    public DocumentValidity Validity { get; set; }
    public int? ReplacedById { get; set; }
    public LibraryDocument? ReplacedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public List<LibraryDocumentFile> Files { get; set; } = [];
}

/// <summary>A file of a library document (PDF, DOCX…), stored like article attachments: outside every static folder,
/// under a generated name.</summary>
public class LibraryDocumentFile
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public LibraryDocument Document { get; set; } = null!;
    public string StoredName { get; set; } = string.Empty;
    public string FileName { get; set; } = string.Empty;
    public string ContentType { get; set; } = string.Empty;
    public long SizeBytes { get; set; }
    public DateTime UploadedAtUtc { get; set; }
    public string? UploadedBy { get; set; }
}
