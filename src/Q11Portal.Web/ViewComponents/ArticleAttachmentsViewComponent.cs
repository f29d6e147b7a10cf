using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Media;

namespace Q11Portal.Web.ViewComponents;

/// <summary>"Văn bản đính kèm" under an article: <c>@await Component.InvokeAsync("ArticleAttachments", new { articleId })</c>.
/// Renders nothing when the article has no documents.</summary>
public sealed class ArticleAttachmentsViewComponent(AttachmentService attachments) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int articleId) =>
        View("/Views/Shared/_Attachments.cshtml", await attachments.ListAsync(articleId, HttpContext.RequestAborted));
}
