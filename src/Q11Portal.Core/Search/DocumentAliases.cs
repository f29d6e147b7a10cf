using System.Text.RegularExpressions;
using Q11Portal.Core.Common;
using Q11Portal.Core.Documents;

namespace Q11Portal.Core.Search;

/// <summary>The Party and State documents a reader of a district Party portal names by their short form: "Chỉ thị 05"
/// means Directive 05-CT/TW of the Politburo, not a ward's directive that happens to be numbered 05. A query that
/// names one by its short form also searches for its full number and for the documents that continue it.</summary>
public static partial class DocumentAliases
{
    /// <summary>Full number (lower case) and full numbers of documents that carry it on.</summary>
    private static readonly (string Number, string[] Continued)[] Documents =
    [
        ("05-ct/tw", ["01-kl/tw"]),
        ("01-kl/tw", ["05-ct/tw"]),
        ("35-ct/tw", []),
        ("57-nq/tw", []),
        ("18-nq/tw", []),
        ("35-nq/tw", []),
        ("144-qđ/tw", []),
        ("69-qđ/tw", []),
        ("100/2019/nđ-cp", ["168/2024/nđ-cp"]),
        ("168/2024/nđ-cp", ["100/2019/nđ-cp"]),
    ];

    /// <summary>The documents of <see cref="Documents"/> as references, to compare with what a reader typed.</summary>
    private static readonly (DocumentReference Reference, string Number, string[] Continued)[] Known = Documents
        .Select(d => (DocumentReferenceParser.ParseQuery(d.Number).Single(), d.Number, d.Continued))
        .ToArray();

    /// <summary>The full numbers a query refers to by short form, in any form the reader writes it ("Chỉ thị 05",
    /// "chỉ thị số 05", "CT 05"), with weight 1, and the documents continuing the one named (weight 0.5), each with the
    /// number as typed ("05"). A query that already spells the full number gets only the documents continuing it.</summary>
    public static IReadOnlyList<(string Number, float Weight, string ShortNumber)> Expand(string query)
    {
        var text = VietnameseText.Nfc(query);
        var result = new List<(string, float, string)>();
        foreach (var match in DocumentReferenceParser.FindAll(text, query: true))
        {
            var shortNumber = TypedNumber().Match(text, match.Start, match.Length).Value;
            foreach (var (document, number, continued) in Known.Where(k => match.Reference.Names(k.Reference)))
            {
                if (match.Reference.Issuer is null)
                {
                    result.Add((number, 1f, shortNumber));
                }

                result.AddRange(continued.Select(c => (c, 0.5f, shortNumber)));
            }
        }

        return result;
    }

    /// <summary>Index-term prefixes of documents that share the number and kind of <paramref name="number"/> but come
    /// from another issuer ("05/ct-ubnd", "05-ct/qu" for "05-ct/tw"). <c>SameShape</c> marks the prefix that also
    /// covers the number itself. Empty for numbers of another shape.</summary>
    public static IReadOnlyList<(string Prefix, bool SameShape)> ConflictingPrefixes(string number)
    {
        var dash = number.IndexOf('-', StringComparison.Ordinal);
        var slash = number.IndexOf('/', StringComparison.Ordinal);
        if (dash <= 0 || slash <= dash + 1 || number.IndexOf('/', slash + 1) >= 0)
        {
            return [];
        }

        var digits = number[..dash];
        var kind = number[(dash + 1)..slash];
        return [($"{digits}/{kind}-", false), ($"{digits}-{kind}/", true)];
    }

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex TypedNumber();
}
