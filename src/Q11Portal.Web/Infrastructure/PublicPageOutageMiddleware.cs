namespace Q11Portal.Web.Infrastructure;

/// <summary>Readers keep reading while the database is unreachable: a public page is answered with its last good copy
/// (<see cref="PublicPageStaleCopies"/>) when there is one, and any request that fails on the unreachable database gets
/// a Vietnamese 503 page with <c>Retry-After</c>, never the 500 page. While a public page is served live (or from the
/// output cache), its bytes refresh the copy now and then.</summary>
public sealed class PublicPageOutageMiddleware(RequestDelegate next, PublicPageStaleCopies copies, DatabaseOutage outage,
    ILogger<PublicPageOutageMiddleware> logger)
{
    public const int RetryAfterSeconds = 30;

    public async Task InvokeAsync(HttpContext context)
    {
        var publicPage = PublicPageStaleCopiesExtensions.IsPublicPage(context.GetEndpoint())
            && HttpMethods.IsGet(context.Request.Method)
            && PublicPageCachePolicy.IsCacheableRequest(context);
        var key = publicPage ? PublicPageStaleCopies.KeyOf(context.Request) : null;
        if (key is not null && outage.IsDown && copies.TryGet(key, out var early))
        {
            await WriteStaleAsync(context, early);
            return;
        }

        Stream? original = null;
        PooledBodyCopy? captured = null;
        if (key is not null && copies.NeedsRefresh(key))
        {
            original = context.Response.Body;
            captured = new PooledBodyCopy(PublicPageStaleCopies.MaxPageBytes);
            context.Response.Body = new TeeStream(original, captured);
        }

        try
        {
            await next(context);
            if (captured is { Length: > 0, Overflowed: false } && context.Response.StatusCode == StatusCodes.Status200OK
                && context.Response.ContentType is { } type && !context.RequestAborted.IsCancellationRequested)
            {
                var encoding = context.Response.Headers.ContentEncoding.ToString();
                copies.Store(key!, copies.NewCopy(type, encoding.Length == 0 ? null : encoding, captured.ToArray()));
            }
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested
            && DatabaseOutage.LooksLikeDatabaseFailure(ex))
        {
            if (original is not null)
            {
                context.Response.Body = original;
            }

            // A query's own error (a bug, a constraint) on a reachable database stays the error it is.
            if (!await outage.ConfirmAsync(ex))
            {
                throw;
            }

            var stale = key is not null && copies.TryGet(key, out var copy) ? copy : null;
            logger.LogWarning("{Path} failed on the unreachable database: {Answer}", context.Request.Path, stale is null ? "503" : "stale copy");
            if (stale is not null)
            {
                await WriteStaleAsync(context, stale);
            }
            else
            {
                await WriteUnavailableAsync(context);
            }
        }
        finally
        {
            if (original is not null)
            {
                context.Response.Body = original;
            }

            captured?.Dispose();
        }
    }

    private static Task WriteStaleAsync(HttpContext context, StaleCopy copy)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = copy.ContentType;
        if (copy.ContentEncoding is { } encoding)
        {
            response.Headers.ContentEncoding = encoding;
            response.Headers.Vary = "Accept-Encoding";
        }

        // Not for shared caches: a copy from before the outage must not outlive it anywhere else.
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Q11-Stale"] = copy.StoredAt.ToUniversalTime().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        response.ContentLength = copy.Body.Length;
        return response.Body.WriteAsync(copy.Body, context.RequestAborted).AsTask();
    }

    private static Task WriteUnavailableAsync(HttpContext context)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        response.ContentType = "text/html; charset=utf-8";
        return response.WriteAsync(UnavailablePage, context.RequestAborted);
    }

    /// <summary>Self-contained (no layout, no menu: those need the database).</summary>
    internal const string UnavailablePage = """
        <!DOCTYPE html>
        <html lang="vi">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Tạm thời gián đoạn — Cổng thông tin điện tử Quận 11</title>
        <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.6;color:#222}h1{color:#b3261e;font-size:1.5rem}</style>
        </head>
        <body>
        <main>
        <h1>Trang tạm thời chưa truy cập được</h1>
        <p>Hệ thống đang gặp sự cố kết nối cơ sở dữ liệu nên chưa thể hiển thị trang này. Chúng tôi đang khắc phục.</p>
        <p>Vui lòng thử lại sau ít phút. Xin lỗi bạn vì sự bất tiện này.</p>
        <p><a href="/">Về trang chủ</a></p>
        </main>
        </body>
        </html>
        """;
}

/// <summary>Writes through to the response and keeps a copy of it (<see cref="PooledBodyCopy"/>).</summary>
/// <remarks>A response body is written forwards only: reading, seeking and a length are refused as the
/// <see cref="Stream"/> contract says for a stream whose <c>CanRead</c> and <c>CanSeek</c> are false.</remarks>
internal sealed class TeeStream(Stream inner, PooledBodyCopy copy) : Stream
{
    private const string WriteOnly = "A response body is written forwards only.";

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException(WriteOnly);
    public override long Position { get => throw new NotSupportedException(WriteOnly); set => throw new NotSupportedException(WriteOnly); }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException(WriteOnly);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException(WriteOnly);

    public override void SetLength(long value) => throw new NotSupportedException(WriteOnly);

    public override void Write(byte[] buffer, int offset, int count)
    {
        copy.Append(buffer.AsSpan(offset, count));
        inner.Write(buffer, offset, count);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        copy.Append(buffer.Span);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
