namespace Q11Portal.Core.Documents;

/// <summary>Which library document a reference in text names: the document with its full key when the text names the
/// issuer, else the only document of that kind and number (an ambiguous "Chỉ thị 05" links nowhere).</summary>
public sealed class DocumentLinks(IReadOnlyList<DocumentLinkTarget> targets)
{
    private readonly Dictionary<string, DocumentLinkTarget> byKey = targets.ToDictionary(t => t.ReferenceKey, StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentLinkTarget?> byKindNumber = targets.GroupBy(t => t.KindNumberKey, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count() == 1 ? g.First() : null, StringComparer.Ordinal);

    public bool IsEmpty => byKey.Count == 0;

    /// <param name="textReferences">Every reference of the text the reference is in: "Chỉ thị 05" in a text that also
    /// names "05/CT-UBND" means the ward's directive, so an issuer-less reference resolves only when the text names
    /// its kind and number with no other issuer.</param>
    public DocumentLinkTarget? Resolve(DocumentReference reference, IEnumerable<DocumentReference> textReferences)
    {
        if (reference.Issuer is not null)
        {
            return byKey.GetValueOrDefault(reference.Key);
        }

        var target = byKindNumber.GetValueOrDefault(reference.KindNumberKey);
        return target is not null && textReferences.All(r => r.Issuer is null || r.KindNumberKey != reference.KindNumberKey || r.Key == target.ReferenceKey)
            ? target
            : null;
    }

    /// <summary>True when articles naming <paramref name="target"/> by kind and number alone mean it: no other library
    /// document shares them.</summary>
    public bool OnlyOneOfItsNumber(DocumentLinkTarget target) => byKindNumber.GetValueOrDefault(target.KindNumberKey) is not null;
}
