using Microsoft.AspNetCore.Identity;

namespace Q11Portal.Core.Users;

public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;
    public DateTime CreatedAtUtc { get; set; }
    public bool IsDisabled { get; set; }
}
