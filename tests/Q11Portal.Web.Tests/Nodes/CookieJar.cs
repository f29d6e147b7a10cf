using System.Net;
using System.Text.RegularExpressions;

namespace Q11Portal.Web.Tests.Nodes;

/// <summary>One browser's cookies carried from node to node by hand (a client's own cookie container belongs to one
/// server, and keeps Secure cookies off plain HTTP), and every Set-Cookie header the nodes sent.</summary>
internal sealed partial class CookieJar
{
    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

    public List<string> SetCookies { get; } = [];

    public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value)));
        }

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            SetCookies.Add(header);
            var pair = header.Split(';')[0];
            var name = pair[..pair.IndexOf('=')];
            var value = pair[(name.Length + 1)..];
            if (value.Length == 0)
            {
                cookies.Remove(name);
            }
            else
            {
                cookies[name] = value;
            }
        }

        return response;
    }

    /// <summary>The sign-in page through <paramref name="client"/>, then the sign-in itself through <paramref name="postClient"/>.</summary>
    public async Task<HttpResponseMessage> SignInAsync(HttpClient client, HttpClient postClient, string email, string password,
        Action<HttpRequestMessage>? decorate = null)
    {
        var page = new HttpRequestMessage(HttpMethod.Get, "/dang-nhap");
        decorate?.Invoke(page);
        var html = await (await SendAsync(client, page)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
        var post = new HttpRequestMessage(HttpMethod.Post, "/dang-nhap")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email,
                ["Password"] = password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        decorate?.Invoke(post);
        return await SendAsync(postClient, post);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
