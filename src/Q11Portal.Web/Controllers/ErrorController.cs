using Microsoft.AspNetCore.Mvc;

namespace Q11Portal.Web.Controllers;

[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken] // Status pages re-execute with the original method: a POST that 404s must not become a 400.
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
