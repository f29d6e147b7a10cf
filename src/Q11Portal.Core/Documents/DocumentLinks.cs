namespace Q11Portal.Core.Documents;

/// <summary>Which library document a reference in text names: the document with its full key when the text names the
/// issuer, else the only document of that kind and number (an ambiguous "Chỉ thị 05" links nowhere).</summary>
public sealed class DocumentLinks(IReadOnlyList<DocumentLinkTarget> targets)
{
    private readonly Dictionary<string, DocumentLinkTarget> byKey = targets.ToDictionary(t => t.ReferenceKey, StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentLinkTarget?> byKindNumber = targets.GroupBy(t => t.KindNumberKey, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count() == 1 ? g.First() : null, StringComparer.Ordinal);

    public bool IsEmpty => byKey.Count == 0;

    public DocumentLinkTarget? Resolve(DocumentReference reference) =>
        reference.Issuer is not null
            ? byKey.GetValueOrDefault(reference.Key)
            : byKindNumber.GetValueOrDefault(reference.KindNumberKey);

    /// <summary>The index keys whose articles name <paramref name="target"/>: its full key, and its kind and number when
    /// no other library document shares them.</summary>
    public IReadOnlyList<string> MentionKeys(DocumentLinkTarget target) =>
        byKindNumber.GetValueOrDefault(target.KindNumberKey) is not null ? [target.ReferenceKey, target.KindNumberKey] : [target.ReferenceKey];
}
