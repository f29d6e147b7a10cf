namespace Q11Portal.Core.Documents;

/// <summary>A document named in text, normalised so every written form of one reference is equal: "Chỉ thị số
/// 05-CT/TW", "chi thi 05/CT-TW", "CT 05-CT/TW" are (ct, 5, tw); "Chỉ thị 05" is (ct, 5, no issuer).</summary>
/// <param name="Kind">The kind's match code (<see cref="DocumentKinds.MatchCode"/>): "ct", "nq", "qd"…</param>
/// <param name="Number">The number without leading zeros: "5" for "05".</param>
/// <param name="Issuer">The folded issuer of the symbol ("tw", "qu", "ubnd"), or null when the text names none.</param>
public sealed record DocumentReference(string Kind, string Number, string? Issuer)
{
    /// <summary>"ct:5:tw", or "ct:5" without an issuer.</summary>
    public string Key => Issuer is null ? KindNumberKey : KindNumberKey + ":" + Issuer;

    /// <summary>"ct:5": the kind and number whatever the issuer.</summary>
    public string KindNumberKey => Kind + ":" + Number;

    /// <summary>"#5": the number alone, shared by every kind and issuer.</summary>
    public string NumberKey => "#" + Number;

    /// <summary>True when this reference (as written by a reader) names <paramref name="document"/>: the same kind and
    /// number, and the same issuer when this one names an issuer.</summary>
    public bool Names(DocumentReference document) =>
        Kind == document.Kind && Number == document.Number && (Issuer is null || Issuer == document.Issuer);

    /// <summary>The index keys of a reference found in text: its own key and the wider ones it also answers to.</summary>
    public IEnumerable<string> IndexKeys()
    {
        yield return NumberKey;
        yield return KindNumberKey;
        if (Issuer is not null)
        {
            yield return Key;
        }
    }
}

/// <summary>Where a reference was found: <see cref="Start"/> and <see cref="Length"/> index the NFC text given to
/// <see cref="DocumentReferenceParser.FindAll"/>.</summary>
public readonly record struct DocumentReferenceMatch(DocumentReference Reference, int Start, int Length);
