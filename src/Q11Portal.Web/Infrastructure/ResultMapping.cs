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
        if (StatusPage(controller, result) is { } page)
        {
            return page;
        }

        controller.TempData["Error"] = result.Message;
        return back();
    }

    /// <summary>The answer for a failed command posted from a form: 404 and 403 as in <see cref="Failure"/>, anything
    /// else the message on the form that <paramref name="form"/> shows again with what was typed (under
    /// <paramref name="field"/>, or above the form when empty).</summary>
    public static async Task<IActionResult> FormFailureAsync(this Controller controller, Result result, Func<Task<IActionResult>> form, string field = "")
    {
        if (StatusPage(controller, result) is { } page)
        {
            return page;
        }

        controller.ModelState.AddModelError(field, result.Message ?? string.Empty);
        return await form();
    }

    private static IActionResult? StatusPage(Controller controller, Result result) => result.Outcome switch
    {
        Outcome.NotFound => controller.NotFound(),
        Outcome.Forbidden => controller.StatusCode(StatusCodes.Status403Forbidden),
        _ => null,
    };
}
