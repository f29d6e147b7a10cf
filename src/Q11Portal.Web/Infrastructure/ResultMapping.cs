using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Common;

namespace Q11Portal.Web.Infrastructure;

/// <summary>Maps Core's <see cref="Result"/> to HTTP. A controller never reads a result's message to decide
/// anything: it switches on <see cref="Outcome"/> and shows the message as it is.</summary>
public static class ResultMapping
{
    public static int ToStatusCode(this Outcome outcome) => outcome switch
    {
        Outcome.Ok => StatusCodes.Status200OK,
        Outcome.NotFound => StatusCodes.Status404NotFound,
        Outcome.Forbidden => StatusCodes.Status403Forbidden,
        Outcome.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The answer for a failed result that has no form to show again: 404 and 403 through the site's
    /// Vietnamese status pages, anything else as a flash message on the page <paramref name="back"/> leads to.</summary>
    public static IActionResult Failure(this Controller controller, Result result, Func<IActionResult> back)
    {
        switch (result.Outcome)
        {
            case Outcome.NotFound:
                return controller.NotFound();
            case Outcome.Forbidden:
                return controller.StatusCode(StatusCodes.Status403Forbidden);
            default:
                controller.TempData["Error"] = result.Message;
                return back();
        }
    }
}
