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
using Q11Portal.Core.Statistics;
using Q11Portal.Web.Models;
using StackExchange.Redis;

namespace Q11Portal.Web.Infrastructure;

/// <summary>The per-client rate limit on posting comments, partitioned by the salted hash of the client address (never
/// the address itself), global across nodes through Redis when configured, and the Vietnamese page that answers a post
/// over the limit.</summary>
public static class CommentRateLimiting
{
    public const string PolicyName = "comments";

    /// <summary>A comment post is a few kilobytes; this leaves room for a 1 MB paste to be refused with a message.</summary>
    public const int MaxRequestBytes = 2 * 1024 * 1024;

    /// <summary>Adds the <see cref="PolicyName"/> policy to the host's rate limiter.</summary>
    internal static IServiceCollection AddCommentRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<CommentOptions>, ClientAddressHasher, IConfiguration, IServiceProvider>((limiter, comments, hasher, configuration, sp) =>
        {
            var window = TimeSpan.FromMinutes(comments.Value.RateLimitWindowMinutes);
            var permits = comments.Value.RateLimitPermits;
            FixedWindowRateLimiter OnThisNode() => new(new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });

            // With nodes sharing a Redis the count is global (the connection the counters register, see AddStatistics);
            // otherwise, and for any partition while Redis does not answer, each node counts on its own.
            var redis = string.IsNullOrWhiteSpace(configuration[StatisticsServiceCollectionExtensions.RedisConfigurationKey])
                ? null
                : sp.GetService<IConnectionMultiplexer>();
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CommentRateLimiting));
            var prefix = comments.Value.RateLimitRedisKeyPrefix;
            limiter.AddPolicy(PolicyName, http =>
            {
                var client = hasher.Hash(http.Connection.RemoteIpAddress?.ToString());
                return redis is null
                    ? RateLimitPartition.Get(client, _ => OnThisNode())
                    : RateLimitPartition.Get(client, c => new RedisFixedWindowLimiter(redis, prefix + c, permits, window, OnThisNode(), logger));
            });

            var previous = limiter.OnRejected;
            limiter.OnRejected = async (context, ct) =>
            {
                var endpoint = context.HttpContext.GetEndpoint();
                if (endpoint?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == PolicyName)
                {
                    await RejectCommentAsync(context, window, ct);
                }
                else if (previous is not null)
                {
                    await previous(context, ct);
                }
            };
        });
        return services;
    }

    /// <summary>The Vietnamese 429 page: the comment form again, with what the resident typed and when to retry.</summary>
    private static async Task RejectCommentAsync(OnRejectedContext context, TimeSpan window, CancellationToken ct)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var hasher = services.GetRequiredService<ClientAddressHasher>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CommentRateLimiting));
        var slug = http.GetRouteValue("slug") as string ?? string.Empty;
        logger.LogWarning("Comment rate limit reached by client {ClientHash} on {Slug}", hasher.Hash(http.Connection.RemoteIpAddress?.ToString()), slug);

        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : window;
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

        var comments = services.GetRequiredService<CommentService>();
        var article = await comments.FindOpenArticleAsync(slug, ct);
        if (article is null)
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }

        // Null when too large to hand back: the page still explains the limit, with an empty form.
        var input = await CommentFormReader.ReadAsync(http.Request, ct);

        var options = services.GetRequiredService<IOptions<CommentOptions>>().Value;
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        var model = new CommentFormViewModel(
            article,
            services.GetRequiredService<CommentFormToken>().Issue(article.Id),
            options.NameMaxLength,
            options.BodyMaxLength,
            input?.Name,
            input?.Email,
            input?.Body,
            $"Bạn đã gửi quá nhiều bình luận trong thời gian ngắn (tối đa {options.RateLimitPermits} bình luận trong {options.RateLimitWindowMinutes} phút). " +
            $"Vui lòng thử lại sau khoảng {minutes} phút; nội dung của bạn vẫn còn bên dưới.");

        var actionContext = new ActionContext(http, http.GetRouteData(), new ActionDescriptor());
        var viewData = new ViewDataDictionary<CommentFormViewModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var result = new ViewResult
        {
            ViewName = "~/Views/Comments/Form.cshtml",
            ViewData = viewData,
            TempData = services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http),
            StatusCode = StatusCodes.Status429TooManyRequests,
        };
        await services.GetRequiredService<IActionResultExecutor<ViewResult>>().ExecuteAsync(actionContext, result);
    }
}
