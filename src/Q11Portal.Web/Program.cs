using Q11Portal.Core.Data;
using Q11Portal.Web.Infrastructure;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);

    // Each host builds its own logger and leaves the static bootstrap logger alone: freezing the one global logger
    // races when several hosts start in one process (the test suites), failing with "The logger is already frozen".
    builder.Services.AddSerilog((services, lc) => lc
        .ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext(), preserveStaticLogger: true);

    builder.Services.AddPortalCore(builder.Configuration, builder.Environment.ContentRootPath);
    builder.Services.AddPortalWeb(builder.Configuration);
    builder.Services.AddPortalIdentity();
    builder.Services.AddPortalCommentsWeb();

    var app = builder.Build();

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
