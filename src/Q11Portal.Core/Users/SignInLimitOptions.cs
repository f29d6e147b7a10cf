using System.ComponentModel.DataAnnotations;

namespace Q11Portal.Core.Users;

/// <summary>The per-address limit on failed sign-ins (section <c>SignInLimits</c>). The per-account limit is
/// Identity's lock-out (<see cref="PortalIdentityOptions.MaxFailedLogins"/>).</summary>
public sealed class SignInLimitOptions
{
    public const string SectionName = "SignInLimits";

    /// <summary>Failed sign-ins (wrong password, unknown account, wrong second-step code) one address may make in
    /// <see cref="WindowMinutes"/> before it is refused without the password even being checked.</summary>
    [Range(1, 10_000)]
    public int MaxFailuresPerAddress { get; set; } = 10;

    [Range(1, 24 * 60)]
    public int WindowMinutes { get; set; } = 15;

    /// <summary>Prefix of the Redis keys when nodes share a Redis, so several portals (or test runs) can share one.</summary>
    [Required]
    public string RedisKeyPrefix { get; set; } = "q11:signin:";
}
