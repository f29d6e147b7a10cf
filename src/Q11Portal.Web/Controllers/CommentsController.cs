using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Comments;
using Q11Portal.Web.Infrastructure;
using Q11Portal.Web.Models;
using Q11Portal.Web.ViewComponents;

namespace Q11Portal.Web.Controllers;

/// <summary>Residents post comments here. Every refusal hands the form back with what they typed and a Vietnamese
/// reason; a comment that passes is stored for moderation and nothing becomes public. What may pass is decided by
/// Core's <see cref="CommentSubmissionGuard"/>; this controller reads the form and says the verdict in Vietnamese.</summary>
public sealed class CommentsController(
    CommentService comments,
    CommentSubmissionGuard guard,
    CommentFormToken formToken,
    IOptions<CommentOptions> options) : Controller
{
    [HttpGet("tin-tuc/{slug}/binh-luan")]
    public async Task<IActionResult> Form(string slug, CancellationToken ct)
    {
        var article = await comments.FindOpenArticleAsync(slug, ct);
        return article is null ? NotFound() : View(NewForm(article));
    }

    /// <summary>A fresh form token for the form of a cached article page, fetched by comments.js when the reader first
    /// uses the form; the minimum form age counts from here. Never stored by any cache.</summary>
    [HttpGet("tin-tuc/{slug}/binh-luan/ma")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Token(string slug, CancellationToken ct)
    {
        var article = await comments.FindOpenArticleAsync(slug, ct);
        return article is null ? NotFound() : Json(new CommentFormTokenResponse(formToken.Issue(article.Id)));
    }

    // The signed single-use form token stands in for the antiforgery token: posting is anonymous, so a cross-site
    // post could do nothing a visitor cannot do directly, and a missing cookie must not lose what the resident wrote.
    [HttpPost("tin-tuc/{slug}/binh-luan")]
    [IgnoreAntiforgeryToken]
    [EnableRateLimiting(CommentRateLimiting.PolicyName)]
    [RequestSizeLimit(CommentRateLimiting.MaxRequestBytes)]
    [RequestFormLimits(ValueLengthLimit = CommentRateLimiting.MaxRequestBytes, MultipartBodyLengthLimit = CommentRateLimiting.MaxRequestBytes)]
    public async Task<IActionResult> Submit()
    {
        // No bound parameters: MVC would read the form before the action runs and fail on a pasted NUL.
        var ct = HttpContext.RequestAborted;
        var slug = RouteData.Values["slug"] as string ?? string.Empty;
        var input = await CommentFormReader.ReadAsync(Request, ct);
        var article = await comments.FindOpenArticleAsync(slug, ct);
        if (article is null)
        {
            return NotFound();
        }

        if (input is null)
        {
            return Refuse(article, new CommentInput(), null, StatusCodes.Status413PayloadTooLarge,
                $"Nội dung gửi lên quá lớn (giới hạn {CommentRateLimiting.MaxRequestBytes / 1024 / 1024} MB) nên không đọc được. " +
                $"Bình luận dài tối đa {options.Value.BodyMaxLength:N0} ký tự; hãy rút gọn rồi gửi lại.");
        }

        var clientAddress = HttpContext.Connection.RemoteIpAddress?.ToString();
        var verdict = await guard.CheckAsync(article,
            new CommentSubmission(input.Name, input.Email, input.Body, input.Website, input.FormToken, input.Altcha), clientAddress, ct);
        if (verdict.Refusal is { } refusal)
        {
            var status = refusal == CommentRefusal.InvalidFields ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest;
            return Refuse(article, input, verdict.KeepsFormToken ? input.FormToken : null, status, Problem(refusal), verdict.Comment?.Errors);
        }

        await comments.StoreAsync(article.Id, verdict.Comment!, clientAddress, ct);
        return Redirect($"/tin-tuc/{Uri.EscapeDataString(article.Slug)}?{CommentsViewComponent.SentQueryKey}={CommentsViewComponent.SentQueryValue}#binh-luan-da-gui");
    }

    /// <summary>What the resident reads above the form; null when the fields' own messages say it all.</summary>
    private static string? Problem(CommentRefusal refusal) => refusal switch
    {
        CommentRefusal.Honeypot =>
            "Bình luận chưa được gửi vì ô “Trang web” (dành để phát hiện máy tự động, người đọc không thấy) đã bị điền. " +
            "Nếu trình duyệt của bạn tự điền biểu mẫu, hãy xóa ô đó rồi gửi lại.",
        CommentRefusal.FormForged =>
            "Biểu mẫu bình luận không hợp lệ (thiếu hoặc bị sửa mã xác thực). Nội dung của bạn vẫn còn bên dưới; hãy gửi lại.",
        CommentRefusal.TooFast =>
            "Bạn gửi quá nhanh sau khi mở trang. Hãy đọc lại bình luận và bấm gửi lại sau vài giây.",
        CommentRefusal.FormExpired =>
            "Biểu mẫu đã mở quá lâu nên đã hết hạn. Nội dung của bạn vẫn còn bên dưới; hãy xác minh và gửi lại.",
        CommentRefusal.ProofMissing =>
            "Vui lòng bấm vào ô “Tôi không phải là robot” và chờ xác minh xong (1–2 giây) rồi gửi lại.",
        CommentRefusal.ProofExpired =>
            "Kết quả xác minh chống thư rác đã hết hạn. Hãy bấm xác minh lại rồi gửi.",
        CommentRefusal.ProofInvalid =>
            "Xác minh chống thư rác không hợp lệ. Hãy bấm xác minh lại rồi gửi.",
        CommentRefusal.FormReplayed =>
            "Biểu mẫu này đã được dùng để gửi một bình luận. Nếu bạn muốn gửi thêm, hãy xác minh lại và gửi; nội dung vẫn còn bên dưới.",
        CommentRefusal.ProofReplayed =>
            "Kết quả xác minh chống thư rác này đã được dùng. Hãy bấm xác minh lại rồi gửi.",
        _ => null,
    };

    private CommentFormViewModel NewForm(CommentArticle article) =>
        new(article, formToken.Issue(article.Id), options.Value.NameMaxLength, options.Value.BodyMaxLength);

    private ViewResult Refuse(CommentArticle article, CommentInput input, string? keepToken, int status, string? problem, IReadOnlyDictionary<string, string>? errors = null)
    {
        var model = NewForm(article) with
        {
            Name = input.Name,
            Email = input.Email,
            Body = input.Body,
            Problem = problem,
            Errors = errors,
        };
        if (keepToken is not null)
        {
            model = model with { FormToken = keepToken };
        }

        Response.StatusCode = status;
        return View(nameof(Form), model);
    }
}
