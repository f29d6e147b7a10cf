using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Documents;

namespace Q11Portal.Web.ViewComponents;

/// <summary>The documents of the library a search names ("chi thi 05", "05-CT/TW", words of an excerpt), shown as their
/// own block above the article results. The article ranking does not see them.</summary>
public sealed class DocumentMatchesViewComponent(DocumentLibrary library) : ViewComponent
{
    public const int MaxShown = 3;

    public async Task<IViewComponentResult> InvokeAsync(string? query)
    {
        var found = await library.MatchQueryAsync(query, MaxShown + 1, HttpContext.RequestAborted);
        return found.Count == 0 ? Content(string.Empty) : View(new DocumentMatchesViewModel(query!, found.Take(MaxShown).ToList(), found.Count > MaxShown));
    }
}

public sealed record DocumentMatchesViewModel(string Query, IReadOnlyList<DocumentSummary> Documents, bool More);
