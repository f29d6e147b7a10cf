using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Q11Portal.Core.Comments;
using Q11Portal.Core.Letters;
using Q11Portal.Core.Pages;
using Q11Portal.Web.Infrastructure;
using Q11Portal.Web.Models;

namespace Q11Portal.Web.Controllers;

/// <summary>Site pages: Giới thiệu, Liên hệ with the "Hộp thư góp ý" form, the privacy notice, and admins' own pages
/// under /trang/. A letter goes through Core's <see cref="LetterSubmissionGuard"/> (the comment form's anti-spam);
/// every refusal hands the form back with what the resident typed and a Vietnamese reason.</summary>
public sealed class SitePagesController(SitePageService pages, LetterSubmissionGuard guard, LetterService letters) : Controller
{
    public const string SentQueryKey = "da-gui";

    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("gioi-thieu")]
    public Task<IActionResult> About(CancellationToken ct) => Show(SitePageRules.AboutSlug, ct);

    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("chinh-sach-rieng-tu")]
    public Task<IActionResult> Privacy(CancellationToken ct) => Show(SitePageRules.PrivacySlug, ct);

    [HttpGet("lien-he")]
    public async Task<IActionResult> Contact(CancellationToken ct)
    {
        var page = await pages.FindPublishedAsync(SitePageRules.ContactSlug, ct);
        return page is null ? NotFound() : View("Page", new SitePageViewModel(page, NewForm(), Request.Query.ContainsKey(SentQueryKey)));
    }

    [OutputCache(PolicyName = PublicPageCache.Policy)]
    [HttpGet("trang/{slug}")]
    public Task<IActionResult> Page(string slug, CancellationToken ct) =>
        SitePageRules.IsSystem(slug) ? Task.FromResult<IActionResult>(RedirectPermanent(SitePageRules.Url(slug))) : Show(slug, ct);

    // As for comments, the signed single-use form token stands in for the antiforgery token: the form is anonymous,
    // and a missing cookie must not lose a resident's letter.
    [HttpPost("lien-he")]
    [IgnoreAntiforgeryToken]
    [EnableRateLimiting(LetterRateLimiting.PolicyName)]
    [RequestSizeLimit(CommentRateLimiting.MaxRequestBytes)]
    [RequestFormLimits(ValueLengthLimit = CommentRateLimiting.MaxRequestBytes, MultipartBodyLengthLimit = CommentRateLimiting.MaxRequestBytes)]
    public async Task<IActionResult> SendLetter()
    {
        // No bound parameters: MVC would read the form before the action runs and fail on a pasted NUL.
        var ct = HttpContext.RequestAborted;
        var page = await pages.FindPublishedAsync(SitePageRules.ContactSlug, ct);
        if (page is null)
        {
            return NotFound();
        }

        var input = await LetterFormReader.ReadAsync(Request, ct);
        if (input is null)
        {
            return Refuse(page, new LetterInput(), null, StatusCodes.Status413PayloadTooLarge,
                $"Nội dung gửi lên quá lớn nên không đọc được. Thư dài tối đa {LetterRules.BodyMaxLength:N0} ký tự; hãy rút gọn rồi gửi lại.");
        }

        var clientAddress = HttpContext.Connection.RemoteIpAddress?.ToString();
        var verdict = await guard.CheckAsync(new LetterSubmission(input.ToDraft(), input.Website, input.FormToken, input.Altcha), clientAddress, ct);
        if (verdict.Refusal is { } refusal)
        {
            var status = refusal == CommentRefusal.InvalidFields ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest;
            return Refuse(page, input, verdict.KeepsFormToken ? input.FormToken : null, status, Problem(refusal), verdict.Letter?.Errors);
        }

        await letters.StoreAsync(verdict.Letter!, clientAddress, ct);
        return Redirect($"/lien-he?{SentQueryKey}=1#hop-thu-da-gui");
    }

    /// <summary>The reason above the form; null when the fields' own messages say it all.</summary>
    public static string? Problem(CommentRefusal refusal) => refusal switch
    {
        CommentRefusal.Honeypot =>
            "Thư chưa được gửi vì ô “Trang web” (dành để phát hiện máy tự động, người đọc không thấy) đã bị điền. Nếu trình duyệt tự điền biểu mẫu, hãy xóa ô đó rồi gửi lại.",
        CommentRefusal.FormForged => "Biểu mẫu không hợp lệ (thiếu hoặc bị sửa mã xác thực). Nội dung thư vẫn còn bên dưới; hãy xác minh và gửi lại.",
        CommentRefusal.TooFast => "Bạn gửi quá nhanh sau khi mở trang. Hãy đọc lại thư và bấm gửi lại sau vài giây.",
        CommentRefusal.FormExpired => "Biểu mẫu đã mở quá lâu nên đã hết hạn. Nội dung thư vẫn còn bên dưới; hãy xác minh và gửi lại.",
        CommentRefusal.ProofMissing => "Vui lòng bấm vào ô “Tôi không phải là robot” và chờ xác minh xong (1–2 giây) rồi gửi lại.",
        CommentRefusal.ProofExpired => "Kết quả xác minh chống thư rác đã hết hạn. Hãy bấm xác minh lại rồi gửi.",
        CommentRefusal.ProofInvalid => "Xác minh chống thư rác không hợp lệ. Hãy bấm xác minh lại rồi gửi.",
        CommentRefusal.FormReplayed => "Biểu mẫu này đã được dùng để gửi một thư. Nếu bạn muốn gửi thêm, hãy xác minh lại và gửi; nội dung vẫn còn bên dưới.",
        CommentRefusal.ProofReplayed => "Kết quả xác minh chống thư rác này đã được dùng. Hãy bấm xác minh lại rồi gửi.",
        _ => null,
    };

    private async Task<IActionResult> Show(string slug, CancellationToken ct)
    {
        var page = await pages.FindPublishedAsync(slug, ct);
        return page is null ? NotFound() : View("Page", new SitePageViewModel(page));
    }

    private LetterFormViewModel NewForm() => new(guard.IssueFormToken());

    private ViewResult Refuse(SitePageView page, LetterInput input, string? keepToken, int status, string? problem, IReadOnlyDictionary<string, string>? errors = null)
    {
        input.FormToken = keepToken ?? guard.IssueFormToken();
        Response.StatusCode = status;
        var form = new LetterFormViewModel(input.FormToken) { Input = input, Problem = problem, Errors = errors };
        return View("Page", new SitePageViewModel(page, form));
    }
}
