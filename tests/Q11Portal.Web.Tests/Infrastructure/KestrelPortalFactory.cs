using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Q11Portal.Core.Data;
using Q11Portal.Testing;

namespace Q11Portal.Web.Tests.Infrastructure;

/// <summary>The portal on a real loopback socket (for Chromium), on a fresh test database.</summary>
public sealed class KestrelPortalFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : PortalAppFactory(database, settings, services)
{
    public string BaseUrl { get; private set; } = string.Empty;

    public static new async Task<KestrelPortalFactory> CreateAsync(
        DatabaseProvider provider = DatabaseProvider.Sqlite,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var factory = new KestrelPortalFactory(database, settings, services);
        factory.UseKestrel(0);
        factory.StartServer();
        factory.BaseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseUrls("http://127.0.0.1:0");
    }
}
