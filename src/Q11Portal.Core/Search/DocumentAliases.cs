using Q11Portal.Core.Common;

namespace Q11Portal.Core.Search;

/// <summary>The Party and State documents a reader of a district Party portal names by their short form: "Chỉ thị 05"
/// means Directive 05-CT/TW of the Politburo, not a ward's directive that happens to be numbered 05. A query that
/// names one by its short form also searches for its full number and for the documents that continue it.</summary>
public static class DocumentAliases
{
    /// <summary>Short form (folded), full number (lower case), and full numbers of documents that carry it on.</summary>
    private static readonly (string ShortForm, string Number, string[] Continued)[] Documents =
    [
        ("chi thi 05", "05-ct/tw", ["01-kl/tw"]),
        ("ket luan 01", "01-kl/tw", ["05-ct/tw"]),
        ("chi thi 35", "35-ct/tw", []),
        ("nghi quyet 57", "57-nq/tw", []),
        ("nghi quyet 18", "18-nq/tw", []),
        ("nghi quyet 35", "35-nq/tw", []),
        ("quy dinh 144", "144-qđ/tw", []),
        ("quy dinh 69", "69-qđ/tw", []),
        ("nghi dinh 100", "100/2019/nđ-cp", ["168/2024/nđ-cp"]),
        ("nghi dinh 168", "168/2024/nđ-cp", ["100/2019/nđ-cp"]),
    ];

    /// <summary>The full numbers a query refers to by short form (weight 1) and the documents continuing them
    /// (weight 0.5), each with the bare number of the short form ("05"). A query that already spells the full number
    /// gets nothing extra.</summary>
    public static IReadOnlyList<(string Number, float Weight, string ShortNumber)> Expand(string query)
    {
        var folded = " " + string.Join(' ', VietnameseText.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries)) + " ";
        var result = new List<(string, float, string)>();
        foreach (var (shortForm, number, continued) in Documents)
        {
            var at = folded.IndexOf(" " + shortForm, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var after = at + shortForm.Length + 1;
            // "Chỉ thị 05" but not "Chỉ thị 05/CT-UBND" or "Chỉ thị 051".
            if (after < folded.Length && folded[after] != ' ')
            {
                continue;
            }

            var shortNumber = shortForm[(shortForm.LastIndexOf(' ') + 1)..];
            result.Add((number, 1f, shortNumber));
            result.AddRange(continued.Select(c => (c, 0.5f, shortNumber)));
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
}
