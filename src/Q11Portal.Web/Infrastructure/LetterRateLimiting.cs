using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Comments;
using Q11Portal.Core.Letters;
using Q11Portal.Core.Pages;
using Q11Portal.Core.Statistics;
using Q11Portal.Web.Models;
using StackExchange.Redis;

namespace Q11Portal.Web.Infrastructure;

/// <summary>The per-client limit on letters from the "Hộp thư góp ý": the comments' numbers (permits per window), its
/// own count (a resident who commented may still write), by the salted client hash, global through Redis when
/// configured; over the limit the Liên hệ page answers 429 with the letter as typed.</summary>
public static class LetterRateLimiting
{
    public const string PolicyName = "letters";

    internal static IServiceCollection AddLetterRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<CommentOptions>, ClientAddressHasher, IConfiguration, IServiceProvider>((limiter, comments, hasher, configuration, sp) =>
        {
            var window = TimeSpan.FromMinutes(comments.Value.RateLimitWindowMinutes);
            var permits = comments.Value.RateLimitPermits;
            var redis = string.IsNullOrWhiteSpace(configuration[StatisticsServiceCollectionExtensions.RedisConfigurationKey]) ? null : sp.GetService<IConnectionMultiplexer>();
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LetterRateLimiting));
            FixedWindowRateLimiter Local() => new(new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
            limiter.AddPolicy(PolicyName, http =>
            {
                var client = "letter:" + hasher.Hash(http.Connection.RemoteIpAddress?.ToString());
                return redis is null
                    ? RateLimitPartition.Get(client, _ => Local())
                    : RateLimitPartition.Get(client, c => new RedisFixedWindowLimiter(redis, comments.Value.RateLimitRedisKeyPrefix + c, permits, window, Local(), logger));
            });

            var previous = limiter.OnRejected;
            limiter.OnRejected = async (context, ct) =>
            {
                if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == PolicyName)
                {
                    await RejectAsync(context, window, permits, ct);
                }
                else if (previous is not null)
                {
                    await previous(context, ct);
                }
            };
        });
        return services;
    }

    private static async Task RejectAsync(OnRejectedContext context, TimeSpan window, int permits, CancellationToken ct)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LetterRateLimiting))
            .LogWarning("Letter rate limit reached by client {ClientHash}", services.GetRequiredService<ClientAddressHasher>().Hash(http.Connection.RemoteIpAddress?.ToString()));
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : window;
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var page = await services.GetRequiredService<SitePageService>().FindPublishedAsync(SitePageRules.ContactSlug, ct);
        if (page is null)
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }

        var input = await LetterFormReader.ReadAsync(http.Request, ct) ?? new LetterInput();
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        var form = new LetterFormViewModel(services.GetRequiredService<LetterSubmissionGuard>().IssueFormToken())
        {
            Input = input,
            Problem = $"Bạn đã gửi quá nhiều thư trong thời gian ngắn (tối đa {permits} thư trong {(int)window.TotalMinutes} phút). " +
                $"Vui lòng thử lại sau khoảng {minutes} phút; nội dung thư vẫn còn bên dưới.",
        };
        var viewData = new ViewDataDictionary<SitePageViewModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = new SitePageViewModel(page, form) };
        var result = new ViewResult
        {
            ViewName = "~/Views/SitePages/Page.cshtml",
            ViewData = viewData,
            TempData = services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http),
            StatusCode = StatusCodes.Status429TooManyRequests,
        };
        await services.GetRequiredService<IActionResultExecutor<ViewResult>>().ExecuteAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()), result);
    }
}
