using Microsoft.AspNetCore.Mvc;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.Controllers;

internal static class PagingGuard
{
    /// <summary>A 400 page when "page" did not bind (letters, overflow) or is below 1; null when it is fine.</summary>
    public static IActionResult? CheckPage(this ControllerBase controller, int page) =>
        !controller.ModelState.IsValid || page < 1
            ? controller.BadRequestPage("Số trang không hợp lệ: số trang phải là một số nguyên dương.")
            : null;

    public const string BeyondLastPage = "Trang bạn yêu cầu vượt quá số trang hiện có.";

    public static string WithPage(string path, int page) => page <= 1 ? path : $"{path}?page={page}";
}
