using Q11Portal.Core.Common;

namespace Q11Portal.Core.Documents;

/// <summary>One kind of Party or State document: its Vietnamese name and the letters that stand for it in a document
/// symbol ("CT" in "05-CT/TW").</summary>
public sealed record LibraryDocumentKind(string Code, string Name, string Abbreviation);

/// <summary>The kinds of documents a district Party committee's portal carries and cites.</summary>
public static class DocumentKinds
{
    /// <summary>Ordered as editors pick them most often. <see cref="LibraryDocumentKind.Code"/> is the folded abbreviation, the
    /// kind part of a <see cref="DocumentReference"/> key.</summary>
    public static readonly IReadOnlyList<LibraryDocumentKind> All =
    [
        new("ct", "Chỉ thị", "CT"),
        new("nq", "Nghị quyết", "NQ"),
        new("kl", "Kết luận", "KL"),
        new("qd", "Quyết định", "QĐ"),
        new("qdi", "Quy định", "QĐi"),
        new("kh", "Kế hoạch", "KH"),
        new("da", "Đề án", "ĐA"),
        new("ctr", "Chương trình", "CTr"),
        new("hd", "Hướng dẫn", "HD"),
        new("tb", "Thông báo", "TB"),
        new("cv", "Công văn", "CV"),
        new("bc", "Báo cáo", "BC"),
        new("qc", "Quy chế", "QC"),
        new("nd", "Nghị định", "NĐ"),
        new("tt", "Thông tư", "TT"),
    ];

    private static readonly Dictionary<string, LibraryDocumentKind> ByCode = All.ToDictionary(k => k.Code, StringComparer.Ordinal);

    /// <summary>The kind of a folded code or abbreviation ("ct", "qđi"), or null.</summary>
    public static LibraryDocumentKind? Find(string? code) =>
        code is not null && ByCode.TryGetValue(VietnameseText.Fold(code), out var kind) ? kind : null;

    /// <summary>The kind named by its folded name ("chi thi"), or null.</summary>
    public static LibraryDocumentKind? FindByName(string foldedName) =>
        All.FirstOrDefault(k => string.Equals(VietnameseText.Fold(k.Name), foldedName, StringComparison.Ordinal));

    /// <summary>The kind code a reference is matched by. Party documents write a Quy định's symbol with "QĐ" as often as
    /// with "QĐi" ("Quy định số 144-QĐ/TW"), so both kinds share one key and "Quy định 144" finds "144-QĐ/TW".</summary>
    public static string MatchCode(string code) => code == "qdi" ? "qd" : code;
}
