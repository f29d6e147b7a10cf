using Q11Portal.Core.Common;

namespace Q11Portal.Core.Documents;

/// <summary>What an editor types for a document, as the form posts it.</summary>
public sealed record DocumentDraft(
    string? Kind, string? Symbol, string? Excerpt, string? Issuer, DateOnly? IssuedOn, string? Signer,
    DocumentValidity Validity, string? ReplacedBySymbol);

/// <summary>A draft made clean and checked: the one validation every entry path (editor, demo seeder) goes through.</summary>
public sealed record CleanDocument(
    LibraryDocumentKind Kind, string Symbol, DocumentReference Reference, string Excerpt, string Issuer, DateOnly IssuedOn,
    string? Signer, DocumentValidity Validity, DocumentReference? ReplacedBy);

public static class DocumentRules
{
    public const int SymbolMaxLength = 60;
    public const int ExcerptMaxLength = 1000;
    public const int IssuerMaxLength = 200;
    public const int SignerMaxLength = 200;

    /// <summary>The clean document, or the Vietnamese reason it cannot be saved.</summary>
    public static Result<CleanDocument> Check(DocumentDraft draft)
    {
        var kind = DocumentKinds.Find(draft.Kind);
        if (kind is null)
        {
            return Invalid("Hãy chọn loại văn bản.");
        }

        var symbol = TextRules.Line(draft.Symbol);
        var excerpt = TextRules.Line(draft.Excerpt);
        var issuer = TextRules.Line(draft.Issuer);
        var signer = TextRules.Line(draft.Signer);
        var problem = TextRules.Required("Số, ký hiệu", symbol) ?? TextRules.Required("Trích yếu", excerpt) ?? TextRules.Required("Cơ quan ban hành", issuer)
            ?? TooLong("Số, ký hiệu", symbol, SymbolMaxLength) ?? TooLong("Trích yếu", excerpt, ExcerptMaxLength)
            ?? TooLong("Cơ quan ban hành", issuer, IssuerMaxLength) ?? TooLong("Người ký", signer, SignerMaxLength);
        if (problem is not null)
        {
            return Invalid(problem);
        }

        var reference = DocumentReferenceParser.ForDocument(kind.Code, symbol);
        if (reference is null)
        {
            return Invalid($"Số, ký hiệu “{symbol}” phải bắt đầu bằng số văn bản, ví dụ 05-CT/TW.");
        }

        if (draft.IssuedOn is not { } issuedOn || issuedOn.Year < 1930 || issuedOn.Year > 2100)
        {
            return Invalid("Hãy nhập ngày ban hành hợp lệ.");
        }

        DocumentReference? replacedBy = null;
        if (draft.Validity == DocumentValidity.Replaced)
        {
            var replacement = DocumentReferenceParser.ParseQuery(draft.ReplacedBySymbol).FirstOrDefault();
            if (replacement is null)
            {
                return Invalid("Văn bản đã bị thay thế: hãy nhập văn bản thay thế, ví dụ “Chỉ thị 05-CT/TW”.");
            }

            replacedBy = replacement;
        }
        else if (!Enum.IsDefined(draft.Validity))
        {
            return Invalid("Hãy chọn tình trạng hiệu lực.");
        }

        return new CleanDocument(kind, symbol, reference, excerpt, issuer, issuedOn, signer.Length == 0 ? null : signer, draft.Validity, replacedBy);
    }

    /// <summary>"chi-thi-05-ct-tw": the kind's name and the symbol.</summary>
    public static string SlugOf(LibraryDocumentKind kind, string symbol) => Slug.From(kind.Name + " " + symbol);

    /// <summary>"Chỉ thị số 05-CT/TW".</summary>
    public static string Title(string kindCode, string symbol) => (DocumentKinds.Find(kindCode)?.Name ?? "Văn bản") + " số " + symbol;

    public static string ValidityText(DocumentValidity validity) => validity switch
    {
        DocumentValidity.Expired => "Hết hiệu lực",
        DocumentValidity.Replaced => "Đã được thay thế",
        _ => "Còn hiệu lực",
    };

    private static string? TooLong(string field, string text, int max) => text.Length > max ? $"{field} dài tối đa {max} ký tự." : null;

    private static Result<CleanDocument> Invalid(string message) => Result<CleanDocument>.From(Result.Invalid(message));
}
