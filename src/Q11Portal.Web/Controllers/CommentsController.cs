using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Comments;
using Q11Portal.Web.Infrastructure;
using Q11Portal.Web.Models;
using Q11Portal.Web.ViewComponents;

namespace Q11Portal.Web.Controllers;

/// <summary>Residents post comments here. Every refusal hands the form back with what they typed and a Vietnamese
/// reason; a comment that passes is stored for moderation and nothing becomes public.</summary>
public sealed class CommentsController(
    CommentService comments,
    CommentFormToken formToken,
    AltchaService altcha,
    SpentTokenStore spent,
    ClientAddressHasher hasher,
    IOptions<CommentOptions> options,
    ILogger<CommentsController> logger) : Controller
{
    public const string FormTokenKind = "comment-form";
    public const string AltchaKind = "altcha";

    [HttpGet("tin-tuc/{slug}/binh-luan")]
    public async Task<IActionResult> Form(string slug, CancellationToken ct)
    {
        var article = await comments.FindOpenArticleAsync(slug, ct);
        return article is null ? NotFound() : View(NewForm(article));
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

        var clientHash = hasher.Hash(HttpContext.Connection.RemoteIpAddress?.ToString());
        if (!string.IsNullOrEmpty(input.Website))
        {
            logger.LogWarning("Comment honeypot filled on article {ArticleId} by client {ClientHash}", article.Id, clientHash);
            return Refuse(article, input, null, StatusCodes.Status400BadRequest,
                "Bình luận chưa được gửi vì ô “Trang web” (dành để phát hiện máy tự động, người đọc không thấy) đã bị điền. " +
                "Nếu trình duyệt của bạn tự điền biểu mẫu, hãy xóa ô đó rồi gửi lại.");
        }

        var token = formToken.Check(input.FormToken, article.Id);
        var proof = altcha.Verify(input.Altcha);
        var clean = comments.Clean(new CommentDraft(input.Name, input.Email, input.Body));
        var problem = token.Failure switch
        {
            FormTokenFailure.Missing or FormTokenFailure.Forged =>
                "Biểu mẫu bình luận không hợp lệ (thiếu hoặc bị sửa mã xác thực). Nội dung của bạn vẫn còn bên dưới; hãy gửi lại.",
            FormTokenFailure.TooFast =>
                "Bạn gửi quá nhanh sau khi mở trang. Hãy đọc lại bình luận và bấm gửi lại sau vài giây.",
            FormTokenFailure.Expired =>
                "Biểu mẫu đã mở quá lâu nên đã hết hạn. Nội dung của bạn vẫn còn bên dưới; hãy xác minh và gửi lại.",
            _ => proof.Failure switch
            {
                AltchaFailure.Missing =>
                    "Vui lòng bấm vào ô “Tôi không phải là robot” và chờ xác minh xong (1–2 giây) rồi gửi lại.",
                AltchaFailure.Expired =>
                    "Kết quả xác minh chống thư rác đã hết hạn. Hãy bấm xác minh lại rồi gửi.",
                AltchaFailure.Malformed or AltchaFailure.BadSignature or AltchaFailure.WrongNumber =>
                    "Xác minh chống thư rác không hợp lệ. Hãy bấm xác minh lại rồi gửi.",
                _ => null,
            },
        };

        if (problem is not null || !clean.IsValid)
        {
            // A form that was only too fast keeps its token, so waiting a moment is enough.
            var keep = token.Failure is null or FormTokenFailure.TooFast ? input.FormToken : null;
            var status = problem is null ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest;
            return Refuse(article, input, keep, status, problem, clean.Errors);
        }

        if (!await spent.TrySpendAsync([(FormTokenKind, token.Token!, token.ExpiresAtUtc)], ct))
        {
            logger.LogWarning("Comment form token replayed on article {ArticleId} by client {ClientHash}", article.Id, clientHash);
            return Refuse(article, input, null, StatusCodes.Status400BadRequest,
                "Biểu mẫu này đã được dùng để gửi một bình luận. Nếu bạn muốn gửi thêm, hãy xác minh lại và gửi; nội dung vẫn còn bên dưới.");
        }

        if (!await spent.TrySpendAsync([(AltchaKind, proof.Challenge!, proof.ExpiresAtUtc)], ct))
        {
            logger.LogWarning("ALTCHA solution replayed on article {ArticleId} by client {ClientHash}", article.Id, clientHash);
            return Refuse(article, input, null, StatusCodes.Status400BadRequest,
                "Kết quả xác minh chống thư rác này đã được dùng. Hãy bấm xác minh lại rồi gửi.");
        }

        await comments.StoreAsync(article.Id, clean, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        return Redirect($"/tin-tuc/{Uri.EscapeDataString(article.Slug)}?{CommentsViewComponent.SentQueryKey}={CommentsViewComponent.SentQueryValue}#binh-luan-da-gui");
    }

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
