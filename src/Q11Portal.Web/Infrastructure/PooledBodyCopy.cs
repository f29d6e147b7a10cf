using System.Buffers;

namespace Q11Portal.Web.Infrastructure;

/// <summary>A copy of a response body as it is written, kept in a buffer rented from the shared pool: growing it leaves
/// no garbage, and only the finished copy (<see cref="ToArray"/>) is allocated. A body longer than <c>limit</c> bytes is
/// not copied (<see cref="Overflowed"/>). Dispose returns the buffer.</summary>
internal sealed class PooledBodyCopy(int limit) : IDisposable
{
    private const int FirstBufferBytes = 16 * 1024;

    private byte[] buffer = [];

    public int Length { get; private set; }

    public bool Overflowed { get; private set; }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (Overflowed || bytes.IsEmpty)
        {
            return;
        }

        var needed = Length + bytes.Length;
        if (needed > limit)
        {
            Overflowed = true;
            Length = 0;
            Release();
            return;
        }

        if (needed > buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(FirstBufferBytes, buffer.Length * 2)));
            buffer.AsSpan(0, Length).CopyTo(larger);
            Release();
            buffer = larger;
        }

        bytes.CopyTo(buffer.AsSpan(Length));
        Length = needed;
    }

    public byte[] ToArray() => buffer.AsSpan(0, Length).ToArray();

    public void Dispose() => Release();

    private void Release()
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }
    }
}
