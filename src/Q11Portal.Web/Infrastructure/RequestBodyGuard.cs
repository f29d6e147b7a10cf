using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using BadHttpRequestException = Microsoft.AspNetCore.Http.BadHttpRequestException;

namespace Q11Portal.Web.Infrastructure;

/// <summary>One answer for a request body the framework cannot read (a NUL in a field, a field over the form
/// reader's length limit, too many fields, a broken multipart body, a body over the size limit): a Vietnamese
/// 400 or 413 page from the status-code pages, never a 500.</summary>
/// <remarks>Antiforgery and model binding each read the form and each fail in their own way: antiforgery with a bare
/// 400, model binding by skipping every argument (the action then ran with defaults) — and the error page, re-executed
/// for the same POST, read the broken form again and answered 500. So the form is read once, here, before either.
/// A client that leaves mid-upload is not refused: its exception goes on to the host, which logs it as an abort.</remarks>
public sealed class RequestBodyGuard : IAsyncAuthorizationFilter, IAlwaysRunResultFilter, IOrderedFilter
{
    /// <summary>After <c>[RequestFormLimits]</c> (900), whose limits the read must use, and before antiforgery (1000).</summary>
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (context.Result is not null || !http.Request.HasFormContentType || !FrameworkReadsForm(context))
        {
            return;
        }

        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception ex) when (!IsClientAbort(http, ex) && BodyRefusal(ex) is { } refusal)
        {
            http.RequestServices.GetRequiredService<ILogger<RequestBodyGuard>>()
                .LogInformation("Unreadable request body for {Path} refused with {StatusCode}: {Reason}", http.Request.Path, refusal.Status, ex.Message);
            http.Items[ErrorDetail.Key] = refusal.Detail;
            // No body: the status-code pages render the Vietnamese page for it.
            context.Result = new StatusCodeResult(refusal.Status);
        }
    }

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult && ErrorDetail.Get(context.HttpContext) is null)
        {
            context.HttpContext.Items[ErrorDetail.Key] =
                "Biểu mẫu đã hết hạn hoặc thiếu mã bảo vệ nên không được nhận; không có gì được lưu. Hãy tải lại trang rồi gửi lại.";
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }

    /// <summary>The status and Vietnamese sentence for an exception that always means a request the client got wrong,
    /// wherever it is thrown, or null. (Check <see cref="IsClientAbort"/> first: a client that went away gets no answer.)
    /// A plain <see cref="IOException"/> is not one of them: outside a body read it is the server's own (disk) failure.</summary>
    public static (int Status, string Detail)? Refusal(Exception ex) => ex switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (StatusCodes.Status413PayloadTooLarge, "Nội dung gửi lên vượt quá giới hạn cho phép của trang này nên không được nhận; không có gì được lưu. Hãy gửi tệp hoặc nội dung nhỏ hơn."),
        BadHttpRequestException bad => (bad.StatusCode, UnreadableDetail),
        InvalidDataException => (StatusCodes.Status400BadRequest, UnreadableDetail),
        _ => null,
    };

    /// <summary>As <see cref="Refusal"/>, for an exception from reading the form: there any I/O failure is the body's
    /// (e.g. a multipart body that ends before its closing boundary).</summary>
    private static (int Status, string Detail)? BodyRefusal(Exception ex) =>
        Refusal(ex) ?? (ex is IOException ? (StatusCodes.Status400BadRequest, UnreadableDetail) : null);

    /// <summary>True when the exception only says that the client closed the connection (an aborted upload).</summary>
    public static bool IsClientAbort(HttpContext http, Exception? ex) =>
        ex is IOException or OperationCanceledException && http.RequestAborted.IsCancellationRequested;

    private const string UnreadableDetail =
        "Máy chủ không đọc được biểu mẫu bạn gửi: có ký tự không hợp lệ (ví dụ ký tự NUL), một ô quá dài, quá nhiều ô " +
        "hoặc dữ liệu tải lên bị hỏng. Không có gì được lưu. Hãy tải lại trang, kiểm tra nội dung rồi gửi lại.";

    /// <summary>Whether MVC will read the form for this action: model binding reads it for any action with parameters
    /// or bound properties (the value providers are all created up front), antiforgery for any unsafe method it checks.
    /// An action with neither (the comment form, the error page) reads the body itself or not at all.</summary>
    private static bool FrameworkReadsForm(AuthorizationFilterContext context)
    {
        if (context.ActionDescriptor is { Parameters.Count: > 0 } or { BoundProperties.Count: > 0 })
        {
            return true;
        }

        var method = context.HttpContext.Request.Method;
        var unsafeMethod = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));
        return unsafeMethod && context.FindEffectivePolicy<IAntiforgeryPolicy>() is not IgnoreAntiforgeryTokenAttribute;
    }

    /// <summary>The exception handler's status for an exception that escaped elsewhere (a body read outside MVC).</summary>
    public static int StatusFor(Exception ex) => Refusal(ex)?.Status ?? StatusCodes.Status500InternalServerError;
}
