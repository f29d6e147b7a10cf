using System.Buffers.Binary;
using System.ComponentModel.DataAnnotations;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Q11Portal.Core.Common;

namespace Q11Portal.Core.Media;

/// <summary>Where clamd listens (configuration <c>Media:ClamAv</c>); no endpoint: documents are not scanned.</summary>
public sealed class ClamAvOptions
{
    /// <summary><c>tcp://127.0.0.1:3310</c>, <c>127.0.0.1:3310</c> or <c>unix:/run/clamav/clamd.ctl</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>How long one scan may take, connecting included, before the upload is refused as unscanned.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>Scans an uploaded document with ClamAV's daemon (clamd) over its INSTREAM command, before anything is
/// stored. A finding refuses the upload with the signature's name; a scanner that is configured but does not answer
/// refuses it too, since storing it unscanned would quietly switch the protection off.</summary>
public sealed class ClamAvScanner(IOptions<MediaOptions> options, ILogger<ClamAvScanner> logger)
{
    /// <summary>clamd's default StreamMaxLength is 25 MB; chunks well under it.</summary>
    private const int ChunkSize = 64 * 1024;

    private ClamAvOptions Settings => options.Value.ClamAv;

    public bool Enabled => !string.IsNullOrWhiteSpace(Settings.Endpoint);

    /// <summary>Ok when no scanner is configured or the scanner found nothing; Invalid with a Vietnamese message naming
    /// the finding, or saying the scanner could not be asked.</summary>
    public async Task<Result> CheckAsync(string fileName, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        if (!Enabled)
        {
            return Result.Ok;
        }

        string reply;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Settings.TimeoutSeconds));
        try
        {
            reply = await ScanAsync(content, timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or IOException or FormatException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            logger.LogError(ex, "Virus scanner at {Endpoint} did not answer; document {FileName} refused unscanned", Settings.Endpoint, fileName);
            return Result.Invalid($"Chưa kiểm tra được virus cho tệp “{fileName}”: máy quét virus (ClamAV) không trả lời. " +
                "Tệp chưa được lưu; hãy thử lại sau ít phút hoặc báo quản trị hệ thống.");
        }

        if (reply.EndsWith(" FOUND", StringComparison.Ordinal))
        {
            var finding = reply[(reply.IndexOf(": ", StringComparison.Ordinal) + 2)..^" FOUND".Length];
            logger.LogWarning("Document {FileName} refused: virus scanner found {Finding}", fileName, finding);
            return Result.Invalid($"Tệp “{fileName}” bị từ chối: máy quét virus phát hiện “{finding}”. Tệp không được lưu.");
        }

        if (reply.EndsWith(": OK", StringComparison.Ordinal))
        {
            return Result.Ok;
        }

        logger.LogError("Virus scanner at {Endpoint} answered {Reply} for document {FileName}; refused unscanned", Settings.Endpoint, reply, fileName);
        return Result.Invalid($"Chưa kiểm tra được virus cho tệp “{fileName}” (máy quét báo: {reply}). Tệp chưa được lưu; hãy báo quản trị hệ thống.");
    }

    /// <summary>zINSTREAM: the command, then chunks each preceded by its length (4 bytes, network order), a zero
    /// length to end; the answer is one NUL-terminated line such as <c>stream: OK</c> or <c>stream: Eicar-Signature FOUND</c>.</summary>
    private async Task<string> ScanAsync(ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        using var socket = await ConnectAsync(Settings.Endpoint!.Trim(), ct);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await stream.WriteAsync("zINSTREAM\0"u8.ToArray(), ct);
        var length = new byte[4];
        for (var offset = 0; offset < content.Length; offset += ChunkSize)
        {
            var chunk = content.Slice(offset, Math.Min(ChunkSize, content.Length - offset));
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)chunk.Length);
            await stream.WriteAsync(length, ct);
            await stream.WriteAsync(chunk, ct);
        }

        BinaryPrimitives.WriteUInt32BigEndian(length, 0);
        await stream.WriteAsync(length, ct);
        await stream.FlushAsync(ct);

        var answer = new MemoryStream();
        var buffer = new byte[1024];
        while (answer.Length < 4096)
        {
            var read = await stream.ReadAsync(buffer, ct);
            if (read == 0)
            {
                break;
            }

            var end = Array.IndexOf(buffer, (byte)0, 0, read);
            answer.Write(buffer, 0, end < 0 ? read : end);
            if (end >= 0)
            {
                break;
            }
        }

        return answer.Length == 0
            ? throw new IOException("The virus scanner closed the connection without an answer.")
            : Encoding.UTF8.GetString(answer.ToArray()).Trim();
    }

    private static async Task<Socket> ConnectAsync(string endpoint, CancellationToken ct)
    {
        Socket socket;
        System.Net.EndPoint target;
        if (endpoint.StartsWith("unix:", StringComparison.OrdinalIgnoreCase))
        {
            socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            target = new UnixDomainSocketEndPoint(endpoint["unix:".Length..].TrimStart('/').Insert(0, "/"));
        }
        else
        {
            var address = endpoint.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase) ? endpoint["tcp://".Length..] : endpoint;
            var colon = address.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(address[(colon + 1)..], out var port))
            {
                throw new FormatException($"Media:ClamAv:Endpoint '{endpoint}' is neither host:port nor unix:/path.");
            }

            socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            target = new System.Net.DnsEndPoint(address[..colon], port);
        }

        try
        {
            await socket.ConnectAsync(target, ct);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
