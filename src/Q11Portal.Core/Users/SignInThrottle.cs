using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Users;

/// <summary>Decides whether a sign-in attempt from a client address may go on. Only failures count, so an office
/// where the whole newsroom signs in from one address is never held back by its own successful sign-ins, while
/// password spraying across accounts (which the per-account lock-out does not see) is stopped.</summary>
public sealed class SignInThrottle(ISignInFailureStore store, IOptions<SignInLimitOptions> options, AuditLog audit, ILogger<SignInThrottle> logger)
{
    /// <summary>Ok, or Forbidden with the Vietnamese message; <see cref="Result{T}.Value"/> is the time until the
    /// address may try again. A refusal is audited.</summary>
    public async Task<Result<TimeSpan>> CheckAsync(IPAddress? clientAddress, CancellationToken ct)
    {
        var key = AddressKey(clientAddress);
        var failures = await store.GetAsync(key, ct);
        var limit = options.Value.MaxFailuresPerAddress;
        if (failures.Count < limit)
        {
            return Result<TimeSpan>.Success(TimeSpan.Zero);
        }

        var minutes = Math.Max(1, (int)Math.Ceiling(failures.ResetsIn.TotalMinutes));
        await audit.WriteAsync(null, AuditActions.LoginThrottled, "ClientAddress", key, $"{failures.Count} lần đăng nhập sai trong {options.Value.WindowMinutes} phút", ct);
        logger.LogWarning("Sign-in refused for {ClientAddress}: {Failures} failures in the window", key, failures.Count);
        return new Result<TimeSpan>(Outcome.Forbidden, failures.ResetsIn,
            $"Quá nhiều lần đăng nhập sai từ địa chỉ này. Vui lòng thử lại sau khoảng {minutes} phút.");
    }

    /// <summary>Counts a failed attempt (wrong password, unknown account, wrong code) against the address.</summary>
    public async Task RecordFailureAsync(IPAddress? clientAddress, CancellationToken ct) =>
        await store.AddAsync(AddressKey(clientAddress), TimeSpan.FromMinutes(options.Value.WindowMinutes), ct);

    /// <summary>The key an address is counted under: IPv4 as is (also when mapped into IPv6), IPv6 by its /64 network,
    /// since one subscriber usually holds a whole /64 and could otherwise change address at every attempt.</summary>
    public static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
