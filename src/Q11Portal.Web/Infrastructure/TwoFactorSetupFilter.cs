using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Q11Portal.Core.Users;

namespace Q11Portal.Web.Infrastructure;

/// <summary>A Quản trị or Biên tập session whose two-factor grace period is over (claim
/// <see cref="PortalClaimsPrincipalFactory.SetupDueClaim"/>) reaches only the two-factor set-up pages in the admin
/// area (and the change-password page, which <see cref="TemporaryPasswordFilter"/> may be holding it on first).</summary>
public sealed class TwoFactorSetupFilter : IActionFilter
{
    public const string SetupPath = "/admin/profile/two-factor";

    public void OnActionExecuting(ActionExecutingContext context)
    {
        var path = context.HttpContext.Request.Path;
        if (context.HttpContext.User.HasClaim(c => c.Type == PortalClaimsPrincipalFactory.SetupDueClaim)
            && string.Equals(context.RouteData.Values["area"] as string, "Admin", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments(SetupPath, StringComparison.OrdinalIgnoreCase)
            && !path.Equals(TemporaryPasswordFilter.ChangePasswordPath, StringComparison.OrdinalIgnoreCase))
        {
            context.Result = new RedirectResult(SetupPath);
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
