using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;
using Q11Portal.Core.Data;
using Q11Portal.Core.Media;

namespace Q11Portal.Web.Infrastructure;

/// <summary>Media files (image renditions) served from the uploads directory.</summary>
public static class MediaWebExtensions
{
    /// <summary>Serves <c>PortalPaths.UploadsDirectory</c> at <c>/media/…</c>. Renditions never change once written
    /// (a new upload gets a new stored name), so browsers may keep them for a year.</summary>
    public static WebApplication UsePortalMedia(this WebApplication app)
    {
        var paths = app.Services.GetRequiredService<PortalPaths>();
        paths.EnsureCreated();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(paths.UploadsDirectory),
            RequestPath = MediaPaths.UrlPrefix.TrimEnd('/'),
            OnPrepareResponse = ctx =>
            {
                var headers = ctx.Context.Response.Headers;
                headers[HeaderNames.CacheControl] = "public,max-age=31536000,immutable";
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
            },
        });
        return app;
    }
}
