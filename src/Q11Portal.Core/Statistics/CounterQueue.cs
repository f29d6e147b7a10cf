using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Q11Portal.Core.Statistics;

/// <summary>The hits waiting for the next flush. The request path only writes here: never blocking, never touching
/// the database; beyond <see cref="CounterOptions.QueueCapacity"/> a flood is dropped (and counted in
/// <see cref="CounterHealth.DroppedHits"/>) rather than eating memory.</summary>
public sealed class CounterQueue
{
    private readonly Channel<CounterHit> channel;
    private readonly CounterHealth health;
    private readonly ILogger<CounterQueue> logger;
    private readonly int capacity;

    public CounterQueue(IOptions<CounterOptions> options, CounterHealth health, ILogger<CounterQueue> logger)
    {
        this.health = health;
        this.logger = logger;
        capacity = options.Value.QueueCapacity;
        // With DropWrite a full channel still answers TryWrite with true: only this callback sees the drop.
        channel = Channel.CreateBounded<CounterHit>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
            SingleWriter = false,
        }, Dropped);
    }

    /// <summary>Hits waiting for the next flush.</summary>
    public int Count => channel.Reader.Count;

    public void Record(CounterHit hit) => _ = channel.Writer.TryWrite(hit);

    private void Dropped(CounterHit hit)
    {
        if (health.HitDropped() is var dropped && dropped % 10_000 == 1)
        {
            logger.LogWarning("Counter queue is full ({Capacity}); {Dropped} hits dropped so far", capacity, dropped);
        }
    }

    /// <summary>For the one reader, the flush.</summary>
    internal bool TryRead(out CounterHit hit) => channel.Reader.TryRead(out hit);
}
