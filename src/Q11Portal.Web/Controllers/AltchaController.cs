using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Comments;

namespace Q11Portal.Web.Controllers;

/// <summary>Hands the ALTCHA widget a fresh signed proof-of-work challenge. Solutions are checked where they are
/// used (the comment form), not here.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class AltchaController(AltchaService altcha) : Controller
{
    [HttpGet("/altcha/challenge")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public IActionResult NewChallenge() => Json(altcha.CreateChallenge());
}
