using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Q11Portal.Core.Statistics;

/// <summary>A counter batch a node has added to the database, written in the same transaction as its counts. When a
/// commit succeeds but its answer is lost (a timeout, a dropped connection), the node tries the same batch again and
/// finds it here instead of counting it twice. Kept for a day (<see cref="CounterWriter.JournalRetention"/>).</summary>
public class CounterFlush
{
    public const int IdLength = 32;

    public string Id { get; set; } = string.Empty;
    public DateTime AppliedAtUtc { get; set; }
}

public sealed class CounterFlushConfiguration : IEntityTypeConfiguration<CounterFlush>
{
    public void Configure(EntityTypeBuilder<CounterFlush> b)
    {
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).HasMaxLength(CounterFlush.IdLength).IsUnicode(false);
        b.HasIndex(f => f.AppliedAtUtc);
    }
}
