using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Users;

namespace Q11Portal.Web.Tests.Infrastructure;

/// <summary>Staff accounts and signed-in clients for admin-area tests.</summary>
public static partial class Staff
{
    public const string Password = "ca-phe-sua-da-buoi-sang";

    /// <summary>Creates an account with the role (Reporter, Editor, Admin) and returns its email.</summary>
    public static async Task<string> CreateAsync(PortalAppFactory app, string role, string? email = null, string password = Password)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..20] + "@q11.test";
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(email, role + " test", role, password, "test", CancellationToken.None);
        Assert.True(result.Succeeded, result.Message);
        return email;
    }

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public static HttpClient Client(PortalAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A new client signed in as a new account with the role.</summary>
    public static async Task<HttpClient> SignedInAsync(PortalAppFactory app, string role)
    {
        var email = await CreateAsync(app, role);
        var client = Client(app);
        var response = await LoginAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var token = await AntiforgeryTokenAsync(client, "/dang-nhap");
        var fields = new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        return await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(fields));
    }

    /// <summary>Reads the antiforgery token from a page's first form.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        return TokenPattern().Match(html) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token on " + url);
    }

    /// <summary>Posts a form with the antiforgery token taken from <paramref name="formPage"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await AntiforgeryTokenAsync(client, formPage);
        var all = fields.Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
