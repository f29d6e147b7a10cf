using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Common;

namespace Q11Portal.Web.Infrastructure;

/// <summary>The answer when <see cref="Core.Users.SignInThrottle"/> refuses an address: the same form again with the
/// Vietnamese reason, status 429 and Retry-After.</summary>
public static class SignInRefusals
{
    public static ViewResult TooManyFailedSignIns(this Controller controller, Result<TimeSpan> refusal, object model, string? viewName = null)
    {
        controller.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(refusal.Value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        controller.ModelState.AddModelError(string.Empty, refusal.Message ?? string.Empty);
        var view = controller.View(viewName, model);
        view.StatusCode = StatusCodes.Status429TooManyRequests;
        return view;
    }
}
