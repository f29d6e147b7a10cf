using Microsoft.AspNetCore.Mvc;

namespace Q11Portal.Web.Infrastructure;

/// <summary>A Vietnamese sentence saying what was wrong, carried to the error page that status-code re-execution renders.</summary>
public static class ErrorDetail
{
    internal const string Key = "Q11.ErrorDetail";

    public static IActionResult StatusWithDetail(this ControllerBase controller, int status, string detail)
    {
        controller.HttpContext.Items[Key] = detail;
        return controller.StatusCode(status);
    }

    public static IActionResult BadRequestPage(this ControllerBase controller, string detail) => controller.StatusWithDetail(StatusCodes.Status400BadRequest, detail);

    public static IActionResult NotFoundPage(this ControllerBase controller, string detail) => controller.StatusWithDetail(StatusCodes.Status404NotFound, detail);

    public static string? Get(HttpContext context) => context.Items.TryGetValue(Key, out var value) ? value as string : null;
}
