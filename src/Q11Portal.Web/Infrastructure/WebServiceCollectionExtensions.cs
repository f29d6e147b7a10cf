using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Q11Portal.Core.Data;
using Q11Portal.Web.Infrastructure.Counters;
using Q11Portal.Web.Infrastructure.Metrics;
using Q11Portal.Web.Infrastructure.Reach;
using Serilog;

namespace Q11Portal.Web.Infrastructure;

public static class WebServiceCollectionExtensions
{
    public static IServiceCollection AddPortalWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddControllersWithViews(options =>
        {
            options.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
            options.Filters.Add<EvictPublicPagesAfterAdminChange>();
            options.Filters.Add(new PublicPageRenderGate(Math.Max(1, configuration.GetValue("PublicPages:RenderConcurrency", PublicPageRenderGate.DefaultConcurrency))));
            options.Filters.Add(new OneConnectionPerPage());
            options.Filters.Add(new RequestBodyGuard());
            RouteIdBinding.Apply(options);
        });
        services.AddPublicPageCache();
        services.AddPortalCompression();
        // Vietnamese text stays readable in the HTML source instead of becoming numeric entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // The main menu and the sidebar blocks are kept in memory (SiteChromeCache).
        services.AddMemoryCache();
        services.AddSiteChromeCache();
        services.AddPortalReach();
        services.AddPortalHealthChecks();
        services.Configure<RouteOptions>(o =>
        {
            o.LowercaseUrls = true;
            o.AppendTrailingSlash = false;
        });
        services.AddPortalCounters(configuration);
        services.AddPortalSiteAdminWeb();
        services.AddPortalReverseProxy(configuration);
        services.AddPortalMetrics(configuration);
        services.AddPortalRateLimits();
        return services;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.InitializeAsync(app.Lifetime.ApplicationStopping);
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UsePortalReverseProxy();
        app.UsePortalMetricsEndpoint();
        app.UsePortalSecurityHeaders();
        var culture = new CultureInfo("vi-VN");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(culture),
            SupportedCultures = [culture],
            SupportedUICultures = [culture],
        });
        app.UsePortalCompression();

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/loi",
                // A body that could not be read is the client's 400/413 (and not worth an error in the log), wherever it was read.
                StatusCodeSelector = RequestBodyGuard.StatusFor,
                SuppressDiagnosticsCallback = c => RequestBodyGuard.Refusal(c.Exception) is not null,
            });
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/loi/{0}");
        // The host's own logger (console + file from configuration); the static one is only the bootstrap console logger.
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.Services.GetService<Serilog.ILogger>();
            o.GetLevel = RequestLogLevel;
        });
        app.UsePortalMedia();
        app.UseRouting();
        // After routing: a build asset matched by MapStaticAssets (versioned, precompressed) is left to its endpoint;
        // a file the build did not see is still served from wwwroot.
        app.UseStaticFiles();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePortalCounters();
        app.UsePublicPageOutageFallback();
        app.UseOutputCacheWithMetrics(a => a.UseOutputCache());
        // Compression again inside the output cache: public pages are stored compressed (one copy per encoding, see
        // PublicPageCachePolicy) instead of being compressed afresh for every reader of a cached page, which took a
        // cached article from 26,600 to 13,700 answers a second here. The outer one above leaves an answer that already
        // has a Content-Encoding alone and compresses everything else (error pages, files the build did not see).
        app.UsePortalCompression();

        app.MapPortalStaticAssets();
        app.MapPortalHealthChecks();
        // WithStaticAssets: the views' asp-append-version links point at the fingerprinted, immutable URLs.
        app.MapControllerRoute("areas", "{area:exists}/{controller=Dashboard}/{action=Index}/{id?}").WithStaticAssets();
        app.MapPortalCounters();
        app.MapControllers().WithStaticAssets().WithPortalRateLimits();
        return app;
    }

    /// <summary>Serilog's default, except that a client that went away mid-request (an aborted upload) is not an error.</summary>
    private static Serilog.Events.LogEventLevel RequestLogLevel(HttpContext http, double elapsedMs, Exception? ex) =>
        RequestBodyGuard.IsClientAbort(http, ex) ? Serilog.Events.LogEventLevel.Information
        : ex is not null && RequestBodyGuard.Refusal(ex) is not null ? Serilog.Events.LogEventLevel.Warning
        : ex is not null || http.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
        : Serilog.Events.LogEventLevel.Information;
}
