using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Q11Portal.Core.Users;

namespace Q11Portal.Web.Infrastructure;

/// <summary>Holds a staff session on one page of the admin area until its account is in order; everything else there
/// redirects to that page. Holds are checked in order, so a session that must change a temporary password does that
/// first and sets up two-factor sign-in next.
/// <list type="bullet">
/// <item>a temporary password (claim <see cref="PasswordResets.MustChangeClaim"/>): the change-password page;</item>
/// <item>a Quản trị or Biên tập whose two-factor grace period is over (claim
/// <see cref="PortalClaimsPrincipalFactory.SetupDueClaim"/>): the two-factor set-up pages.</item>
/// </list></summary>
public sealed class AccountHoldFilter : IActionFilter
{
    public const string ChangePasswordPath = "/admin/profile/password";
    public const string TwoFactorSetupPath = "/admin/profile/two-factor";

    private static readonly (string Claim, string Page)[] Holds =
    [
        (PasswordResets.MustChangeClaim, ChangePasswordPath),
        (PortalClaimsPrincipalFactory.SetupDueClaim, TwoFactorSetupPath),
    ];

    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (!string.Equals(context.RouteData.Values["area"] as string, "Admin", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var user = context.HttpContext.User;
        var path = context.HttpContext.Request.Path;
        foreach (var (claim, page) in Holds)
        {
            if (!user.HasClaim(c => c.Type == claim))
            {
                continue;
            }

            // A page held earlier in the list stays reachable for a later hold, so the two never send a person in circles.
            if (!Holds.TakeWhile(h => h.Claim != claim).Select(h => h.Page).Append(page).Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                context.Result = new RedirectResult(page);
            }

            return;
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
