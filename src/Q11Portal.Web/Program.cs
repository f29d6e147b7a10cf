using Q11Portal.Core.Data;
using Q11Portal.Demo;
using Q11Portal.Web.Infrastructure;
using Serilog;

// A plain (not "bootstrap") logger: a reloadable one can be frozen only once per process, and the test suites start
// many hosts in one process.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    // Run from a build (not a publish) in any environment, the precompressed static assets live under obj/: the
    // build's manifest says where (a published site has no such manifest and this does nothing).
    builder.WebHost.UseStaticWebAssets();
    // Outside Development such a build must serve like a publish: no re-reading of changed files, no "not in the
    // manifest" warning for every request of a file written at run time, the manifest's own cache headers.
    if (!builder.Environment.IsDevelopment() && builder.Configuration["ReloadStaticAssetsAtRuntime"] is null)
    {
        builder.Configuration["ReloadStaticAssetsAtRuntime"] = "false";
    }

    builder.Services.AddSerilog((services, lc) => lc
        .ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext(),
        // Each host builds its own logger instead of freezing the static bootstrap one, so several hosts in one
        // process (parallel WebApplicationFactory tests) do not race on "The logger is already frozen".
        preserveStaticLogger: true);

    builder.Services.AddPortalCore(builder.Configuration, builder.Environment.ContentRootPath);
    builder.Services.AddPortalDemo();
    builder.Services.AddPortalEnvironmentDefaults(builder.Environment);
    builder.Services.AddPortalWeb(builder.Configuration);
    builder.Services.AddPortalIdentity();
    builder.Services.AddPortalCommentsWeb();
    builder.Services.AddPortalSectionsWeb();
    builder.Services.AddNewsroom();

    var app = builder.Build();

    await app.RefuseUnsafeProductionSettingsAsync();
    await app.InitializeDatabaseAsync();
    await app.InitializePortalIdentityAsync();
    app.UsePortalPipeline();

    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "Q11Portal stopped unexpectedly");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}
