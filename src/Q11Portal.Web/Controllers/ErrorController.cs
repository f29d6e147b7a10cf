using Microsoft.AspNetCore.Mvc;

namespace Q11Portal.Web.Controllers;

[ApiExplorerSettings(IgnoreApi = true)]
// Status-code pages re-execute this with the failed request's method: a refused POST must still get its page.
[IgnoreAntiforgeryToken]
public sealed class ErrorController : Controller
{
    [Route("/loi/{code:int?}")]
    public IActionResult Index(int? code)
    {
        var status = code is >= 400 and < 600 ? code.Value : 500;
        Response.StatusCode = status;
        return View("Error", status);
    }
}
