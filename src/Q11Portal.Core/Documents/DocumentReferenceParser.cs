using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Documents;

/// <summary>The one reader of document references, for queries, article text and the library's look-up alike. It
/// understands the forms Vietnamese writers use: the kind by name or abbreviation ("Chỉ thị", "chi thi", "CT"), with or
/// without "số", the number with or without its symbol, either separator ("05-CT/TW", "05/CT-TW"), a State document's
/// year ("100/2019/NĐ-CP"), and a bare symbol ("theo 05-CT/TW").</summary>
public static partial class DocumentReferenceParser
{
    /// <summary>Words after a bare number that make it a quantity, not a document ("kế hoạch 5 năm", "chỉ thị 2 lần").</summary>
    private static readonly HashSet<string> QuantityWords = new(StringComparer.Ordinal)
    {
        "nam", "thang", "ngay", "tuan", "lan", "nguoi", "gio", "phut", "dot", "buoi", "trieu", "ty", "nghin", "ngan", "tram",
        "muc", "diem", "noi", "van", "ban", "chuong", "phan", "dieu", "khoan",
    };

    /// <summary>Issuers a reader types as a word after the number ("CT 05 TW", "chỉ thị 05 UBND"): the Party's central
    /// committee and Politburo, the city's, district's and ward's Party committees, the people's committees and councils
    /// and the government.</summary>
    private const string Issuers = "tw|tu|qu|hu|du|bct|bbt|ubnd|hdnd|cp|ttg";

    private static readonly Regex Named = BuildNamed(issuerWord: false);
    private static readonly Regex NamedInQuery = BuildNamed(issuerWord: true);
    private static readonly Regex Bare = BuildBare();

    /// <summary>Every reference in <paramref name="text"/>, in order, without overlaps.</summary>
    /// <param name="query">True for what a reader typed: an abbreviation counts in any case ("ct 05"). In article text
    /// only an upper-case abbreviation does ("CT 05"), so that "ct" inside ordinary words or names never counts.</param>
    public static IReadOnlyList<DocumentReferenceMatch> FindAll(string? text, bool query = false)
    {
        var nfc = VietnameseText.Nfc(text);
        var folded = FoldKeepingLength(nfc);
        var found = new List<DocumentReferenceMatch>();
        foreach (Match m in (query ? NamedInQuery : Named).Matches(folded))
        {
            if (FromNamed(m, nfc, folded, query) is { } reference)
            {
                found.Add(new DocumentReferenceMatch(reference, m.Index, m.Length));
            }
        }

        foreach (Match m in Bare.Matches(folded))
        {
            if (found.Any(f => f.Start < m.Index + m.Length && m.Index < f.Start + f.Length))
            {
                continue;
            }

            if (FromSymbol(null, m.Groups["num"].Value, m.Groups["sym"].Value) is { } reference)
            {
                found.Add(new DocumentReferenceMatch(reference, m.Index, m.Length));
            }
        }

        return found.OrderBy(f => f.Start).ToList();
    }

    /// <summary>The references of what a reader typed (<see cref="FindAll"/> in query mode), distinct.</summary>
    public static IReadOnlyList<DocumentReference> ParseQuery(string? query) =>
        FindAll(query, query: true).Select(m => m.Reference).Distinct().ToList();

    /// <summary>The reference of a library document from its kind code and symbol as the editor typed it ("05-CT/TW",
    /// "05/CT-TW", "05"); null when the symbol does not start with a number.</summary>
    public static DocumentReference? ForDocument(string kindCode, string? symbol)
    {
        var folded = FoldKeepingLength(VietnameseText.Nfc(symbol).Trim());
        var m = SymbolOnly().Match(folded);
        return m.Success ? FromSymbol(DocumentKinds.MatchCode(kindCode), m.Groups["num"].Value, m.Groups["sym"].Value) : null;
    }

    private static DocumentReference? FromNamed(Match m, string original, string folded, bool query)
    {
        string kind;
        if (m.Groups["abbr"].Success)
        {
            var abbr = m.Groups["abbr"];
            // "CT", "QĐi", "CTr": the first two letters upper case in article text.
            if (!query && !(char.IsUpper(original[abbr.Index]) && char.IsUpper(original[abbr.Index + 1])))
            {
                return null;
            }

            kind = abbr.Value;
        }
        else
        {
            kind = DocumentKinds.FindByName(WhiteSpace().Replace(m.Groups["name"].Value, " "))!.Code;
        }

        var number = m.Groups["num"].Value;
        var symbol = m.Groups["sym"].Value;
        if (symbol.Length == 0 && !m.Groups["so"].Success && IsQuantity(number, folded, m.Index + m.Length))
        {
            return null;
        }

        var reference = FromSymbol(DocumentKinds.MatchCode(kind), number, symbol);
        return reference is not null && reference.Issuer is null && m.Groups["iss"].Success ? reference with { Issuer = m.Groups["iss"].Value } : reference;
    }

    /// <summary>A bare number that reads as a year ("kế hoạch 2024") or a quantity ("kế hoạch 5 năm").</summary>
    private static bool IsQuantity(string number, string folded, int end)
    {
        if (number.Length == 4 && number[0] is '1' or '2')
        {
            return true;
        }

        // A leading zero is how documents are numbered ("Kết luận 01 năm 2024"), never how a quantity is written, and
        // "năm" before a year dates the document ("Chỉ thị 5 năm 2024") rather than counting years.
        if (number.Length > 1 && number[0] == '0')
        {
            return false;
        }

        var next = NextWord().Match(folded, end);
        return next.Success && QuantityWords.Contains(next.Groups[1].Value)
            && !(next.Groups[1].Value == "nam" && YearAfter().IsMatch(folded, next.Index + next.Length));
    }

    /// <summary>Builds the reference from a number and what follows it ("-ct/tw", "/ct-tw", "/2019/nd-cp" or nothing).
    /// The symbol's kind wins over <paramref name="kind"/> when it is a known one; an unknown one ("17/UBND-VX") leaves the
    /// issuer unknown.</summary>
    private static DocumentReference? FromSymbol(string? kind, string number, string symbol)
    {
        var parts = symbol.Split(['-', '/'], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count > 0 && parts[0].All(char.IsAsciiDigit))
        {
            parts.RemoveAt(0);
        }

        string? issuer = null;
        if (parts.Count > 0 && DocumentKinds.Find(parts[0]) is { } symbolKind)
        {
            kind = DocumentKinds.MatchCode(symbolKind.Code);
            issuer = parts.Count > 1 ? string.Join('-', parts.Skip(1)) : null;
        }

        if (kind is null)
        {
            return null;
        }

        var digits = number.TrimStart('0');
        return new DocumentReference(kind, digits.Length == 0 ? "0" : digits, issuer);
    }

    /// <summary>Lower case, marks removed, 'đ' → 'd', one character for one: offsets into the result are offsets into
    /// the NFC text. Folding a character is memoised: this runs over every article body at each render and index
    /// rebuild, and folding each character through a string of its own was the largest allocation of an uncached
    /// article page.</summary>
    private static string FoldKeepingLength(string nfc) =>
        string.Create(nfc.Length, nfc, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c < 128 ? char.ToLowerInvariant(c) : FoldedChars.GetOrAdd(c, FoldOne);
            }
        });

    private static readonly ConcurrentDictionary<char, char> FoldedChars = new();

    private static char FoldOne(char c)
    {
        var folded = VietnameseText.Fold(c.ToString());
        return folded.Length == 1 ? folded[0] : char.ToLowerInvariant(c);
    }

    // Every repeat is atomic or followed by a fixed character, so a match costs time linear in the text: article bodies
    // are read at every index rebuild, and a timeout there would stop it.
    private const string Codes = "ctr|ct|nq|kl|qdi|qd|kh|da|hd|tb|cv|bc|qc|nd|tt";
    private const string Symbol = @"(?<sym>(?:[-/]\d{4})?[-/][a-z]{1,6}(?:[-/][a-z0-9]{1,10}){0,2})";
    private const string Boundary = @"(?![\p{L}\p{N}]|[-/.,][\p{L}\p{N}])";

    /// <summary>A kind by name or abbreviation, "số", the number, and then its symbol ("-CT/TW"), or only the year of a
    /// State document ("Nghị định 100/2019"), or, in a query, the issuer as a word of its own ("CT 05 TW", "CT 05/TW").</summary>
    private static Regex BuildNamed(bool issuerWord)
    {
        var issuer = issuerWord ? $@"(?:\s+|[-/])(?<iss>{Issuers})|" : string.Empty;
        var names = string.Join('|', DocumentKinds.All
            .Select(k => VietnameseText.Fold(k.Name).Replace(" ", @"\s+", StringComparison.Ordinal))
            .OrderByDescending(n => n.Length));
        return new Regex(
            $@"(?<![\p{{L}}\p{{N}}])(?:(?<name>{names})|(?<abbr>{Codes}))(?>\s*)(?:(?<so>so)\b(?>\s*))?[:.]?(?>\s*)(?<num>\d{{1,5}})(?:{issuer}{Symbol}|[-/]\d{{4}})?{Boundary}",
            RegexOptions.CultureInvariant | RegexOptions.Compiled, Regex.InfiniteMatchTimeout);
    }

    private static Regex BuildBare() => new(
        $@"(?<![\p{{L}}\p{{N}}\-/])(?<num>\d{{1,5}})(?<sym>(?:[-/]\d{{4}})?[-/](?:{Codes})(?:[-/][a-z0-9]{{1,10}}){{1,2}}){Boundary}",
        RegexOptions.CultureInvariant | RegexOptions.Compiled, Regex.InfiniteMatchTimeout);

    [GeneratedRegex(@"^(?<num>\d{1,5})(?<sym>(?:[-/]\d{4})?(?:[-/][a-z0-9]{1,10}){0,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex SymbolOnly();

    [GeneratedRegex(@"\G\s+([a-z%]+)", RegexOptions.CultureInvariant)]
    private static partial Regex NextWord();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\G\s+[12]\d{3}(?![\d\-–/])", RegexOptions.CultureInvariant)]
    private static partial Regex YearAfter();
}
