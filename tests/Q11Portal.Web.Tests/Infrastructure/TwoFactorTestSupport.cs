using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Q11Portal.Web.Tests.Infrastructure;

/// <summary>Authenticator codes computed the way the phone apps do (RFC 6238: HMAC-SHA1 over the 30-second step,
/// 6 digits), written here independently of the portal's own code, and set-up through the admin pages.</summary>
public static partial class TwoFactorTestSupport
{
    public const string SetupPage = "/admin/profile/two-factor";

    /// <summary>The code for the step <paramref name="stepsAhead"/> after now. A code is spent once per step, so a
    /// test that needs a fresh code right after another one asks for the next step (the portal accepts one step
    /// of clock drift either side).</summary>
    public static string Code(string base32Key, int stepsAhead = 0)
    {
        var key = Base32(base32Key);
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 + stepsAhead;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // RFC 6238's algorithm.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0xF;
        var value = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Turns two-factor sign-in on for the signed-in client through the set-up page; answers the key and the
    /// recovery codes the page showed.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAsync(HttpClient client)
    {
        var page = await client.GetStringAsync(SetupPage);
        var key = KeyPattern().Match(page) is { Success: true } m ? m.Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal)
            : throw new InvalidOperationException("No key on the set-up page.");
        var response = await Staff.PostFormAsync(client, SetupPage, SetupPage, [new("Code", Code(key))]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var codes = RecoveryCodePattern().Matches(html).Select(c => c.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    /// <summary>Lets a test say which client address a request comes from (header <see cref="AddressHeader"/>), as the
    /// forwarded-headers middleware does behind a proxy; TestServer has no address of its own.</summary>
    public static void UseClientAddressHeader(IServiceCollection services) => services.AddSingleton<IStartupFilter, ClientAddressFilter>();

    public const string AddressHeader = "X-Test-Client-Address";

    public static HttpClient From(this HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Remove(AddressHeader);
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.ToUpperInvariant().TrimEnd('=').Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }

    [GeneratedRegex("data-key=\"([^\"]+)\"")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCodePattern();

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[AddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return following(context);
            });
            next(app);
        };
    }
}
