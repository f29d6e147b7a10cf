using Q11Portal.Core.Comments;

namespace Q11Portal.Web.Models;

/// <summary>What the comment form posts. <see cref="Website"/> is the honeypot: hidden from people, filled by bots.</summary>
public sealed class CommentInput
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Body { get; set; }
    public string? Website { get; set; }
    public string? FormToken { get; set; }
    /// <summary>The ALTCHA widget's payload (field name "altcha").</summary>
    public string? Altcha { get; set; }
}

/// <summary>The comment form, empty or handed back with what the resident typed and why it was refused.</summary>
/// <param name="FormToken">The signed form token; null on a page that may be cached (the article page), where the
/// form fetches its own from <c>/tin-tuc/{slug}/binh-luan/ma</c> when first used.</param>
public sealed record CommentFormViewModel(
    CommentArticle Article,
    string? FormToken,
    int NameMaxLength,
    int BodyMaxLength,
    string? Name = null,
    string? Email = null,
    string? Body = null,
    string? Problem = null,
    IReadOnlyDictionary<string, string>? Errors = null)
{
    public string? ErrorFor(string field) => Errors is not null && Errors.TryGetValue(field, out var message) ? message : null;

    public bool HasErrors => Problem is not null || Errors is { Count: > 0 };
}

/// <summary>The section under an article: approved comments with staff replies, the waiting notice, the form.</summary>
public sealed record CommentsViewModel(PublicCommentPage Page, bool JustSent, CommentFormViewModel Form, string Slug)
{
    public IReadOnlyList<PublicComment> Comments => Page.Comments;

    public int Count => Page.Total;

    public string PageUrl(int page) =>
        $"/tin-tuc/{Slug}" + (page == 1 ? string.Empty : $"?{Q11Portal.Web.ViewComponents.CommentsViewComponent.PageQueryKey}={page}") + "#binh-luan";
}

/// <summary>What <c>GET /tin-tuc/{slug}/binh-luan/ma</c> answers: the form token a cached page's form posts.</summary>
public sealed record CommentFormTokenResponse(string Token);
