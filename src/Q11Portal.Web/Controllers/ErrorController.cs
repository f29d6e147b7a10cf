using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.Controllers;

[ApiExplorerSettings(IgnoreApi = true)]
// Status-code pages re-execute this with the failed request's method: a refused POST must still get its page.
[IgnoreAntiforgeryToken]
public sealed class ErrorController : Controller
{
    /// <summary>The Vietnamese page for a status. It takes no parameters on purpose: binding even one creates every
    /// value provider, the form's included, and the re-executed request may carry the very body that could not be
    /// read (the page then failed with 500 instead of explaining the 400).</summary>
    [Route("/loi/{code:int?}")]
    public IActionResult Index()
    {
        var status = RouteData.Values["code"] is { } value && int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), out var code) ? code
            : Response.StatusCode;
        status = status is >= 400 and < 600 ? status : 500;
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error && RequestBodyGuard.Refusal(error) is { } refusal)
        {
            HttpContext.Items[ErrorDetail.Key] ??= refusal.Detail;
        }

        Response.StatusCode = status;
        return View("Error", status);
    }
}
