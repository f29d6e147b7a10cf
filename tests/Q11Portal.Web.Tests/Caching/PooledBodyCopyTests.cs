using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.Tests.Caching;

/// <summary>The copy a stale page is made from: every byte written, in order, across the buffer's growth; nothing past
/// the limit.</summary>
public sealed class PooledBodyCopyTests
{
    [Fact]
    public void KeepsEveryByteInOrder_AcrossGrowth()
    {
        var body = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();
        using var copy = new PooledBodyCopy(limit: 200_000);

        // Writes of uneven sizes, as a view flushes them, so the buffer grows more than once mid-write.
        var offset = 0;
        foreach (var size in new[] { 1, 4096, 0, 20_000, 12_345, 63_558 })
        {
            copy.Append(body.AsSpan(offset, size));
            offset += size;
        }

        Assert.Equal(body.Length, offset);
        Assert.False(copy.Overflowed);
        Assert.Equal(body, copy.ToArray());
    }

    [Fact]
    public void PastTheLimit_KeepsNothing()
    {
        using var copy = new PooledBodyCopy(limit: 10);
        copy.Append(new byte[6]);
        copy.Append(new byte[5]);
        copy.Append(new byte[1]);

        Assert.True(copy.Overflowed);
        Assert.Equal(0, copy.Length);
    }

    [Fact]
    public void ExactlyTheLimit_IsKept()
    {
        using var copy = new PooledBodyCopy(limit: 10);
        copy.Append([1, 2, 3, 4, 5]);
        copy.Append([6, 7, 8, 9, 10]);

        Assert.False(copy.Overflowed);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, copy.ToArray());
    }
}
