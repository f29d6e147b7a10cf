using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Q11Portal.Core.Users;

namespace Q11Portal.Web.Infrastructure;

/// <summary>A session signed in with a temporary password (claim <see cref="PasswordResets.MustChangeClaim"/>) reaches
/// only the change-password page in the admin area; everything else there redirects to it until the password is changed.</summary>
public sealed class TemporaryPasswordFilter : IActionFilter
{
    public const string ChangePasswordPath = "/admin/profile/password";

    public void OnActionExecuting(ActionExecutingContext context)
    {
        var request = context.HttpContext.Request;
        if (context.HttpContext.User.HasClaim(c => c.Type == PasswordResets.MustChangeClaim)
            && string.Equals(context.RouteData.Values["area"] as string, "Admin", StringComparison.OrdinalIgnoreCase)
            && !request.Path.Equals(ChangePasswordPath, StringComparison.OrdinalIgnoreCase))
        {
            context.Result = new RedirectResult(ChangePasswordPath);
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
