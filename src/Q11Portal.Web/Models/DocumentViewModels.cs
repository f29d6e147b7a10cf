using System.Globalization;
using Q11Portal.Core.Common;
using Q11Portal.Core.Documents;

namespace Q11Portal.Web.Models;

/// <summary>The library list's filters as the query string carries them, checked: a bad year or an over-long look-up
/// gets the page again with a Vietnamese message and the typed text.</summary>
public sealed class DocumentFilters
{
    public DocumentFilters(string? kind, string? issuer, string? year, string? lookup)
    {
        Kind = DocumentKinds.Find(kind)?.Code;
        Issuer = string.IsNullOrWhiteSpace(issuer) ? null : TextRules.Line(issuer);
        YearText = year?.Trim() ?? string.Empty;
        Lookup = TextRules.Line(lookup);
        if (YearText.Length > 0)
        {
            if (int.TryParse(YearText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1930 and <= 2100)
            {
                Year = parsed;
            }
            else
            {
                Error = $"Năm ban hành “{YearText}” không hợp lệ; hãy chọn một năm trong danh sách.";
            }
        }

        if (Lookup.Length > 200)
        {
            Error = "Nội dung tra cứu dài tối đa 200 ký tự.";
            Lookup = Lookup[..200];
        }
    }

    public string? Kind { get; }
    public string? Issuer { get; }
    public string YearText { get; }
    public int? Year { get; }
    public string Lookup { get; }
    public string? Error { get; }

    public bool Any => Kind is not null || Issuer is not null || YearText.Length > 0 || Lookup.Length > 0;

    public DocumentListQuery ToQuery(int page) => new(Kind, Issuer, Year, Lookup, page);

    /// <summary>This list's address on another page.</summary>
    public string Url(int page)
    {
        var parts = new List<string>();
        Add(parts, "so", Lookup);
        Add(parts, "loai", Kind);
        Add(parts, "co-quan", Issuer);
        Add(parts, "nam", YearText);
        if (page > 1)
        {
            parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        }

        return "/van-ban" + (parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts));
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }
}

public sealed record DocumentListViewModel(DocumentFilters Filters, DocumentListPage? List, string? Error);

public sealed record DocumentPageViewModel(DocumentDetails Details, IReadOnlyList<DocumentMention> Mentions);
