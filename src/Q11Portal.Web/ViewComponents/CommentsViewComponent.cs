using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Comments;
using Q11Portal.Web.Models;

namespace Q11Portal.Web.ViewComponents;

/// <summary>Bình luận under an article: <c>@await Component.InvokeAsync("Comments", new { articleId, slug, title })</c>.</summary>
public sealed class CommentsViewComponent(CommentService comments, IOptions<CommentOptions> options) : ViewComponent
{
    public const string SentQueryKey = "binh-luan";
    public const string SentQueryValue = "cho-duyet";
    /// <summary>The page of comments shown (<c>?trang-binh-luan=2#binh-luan</c>); anything unreadable shows the first.</summary>
    public const string PageQueryKey = "trang-binh-luan";

    /// <param name="approvedCount">The approved comments, read with the article: with none there is nothing more to read.</param>
    public async Task<IViewComponentResult> InvokeAsync(int articleId, string slug, string title, int approvedCount)
    {
        var requested = int.TryParse(Request.Query[PageQueryKey], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 1;
        var list = approvedCount == 0
            ? PublicCommentPage.Empty
            : await comments.ListApprovedPageAsync(articleId, requested, CommentService.PageSize, HttpContext.RequestAborted);
        var article = new CommentArticle(articleId, title, slug);
        // No token in the page: it is output-cached and shared by every reader; comments.js fetches one when the form is first used.
        var form = new CommentFormViewModel(article, null, options.Value.NameMaxLength, options.Value.BodyMaxLength);
        var sent = Request.Query[SentQueryKey] == SentQueryValue;
        return View(new CommentsViewModel(list, sent, form, slug));
    }
}
