using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Q11Portal.Core.Users;

/// <summary>Identity's principal (user claims and roles) plus <see cref="SetupDueClaim"/> when the account must set up
/// two-factor sign-in before doing anything else. Decided when the cookie is made and again at every security stamp
/// check (one token read, for Quản trị and Biên tập only), so a grace period that ends during a session takes effect
/// within that interval, without a query per request.</summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    TwoFactorAccounts twoFactor)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    public const string SetupDueClaim = "two_factor_setup_due";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var roleNames = identity.FindAll(identity.RoleClaimType).Select(c => c.Value);
        if (await twoFactor.IsSetupDueAsync(user, roleNames))
        {
            identity.AddClaim(new Claim(SetupDueClaim, "true"));
        }

        return identity;
    }
}
