using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Q11Portal.Core.Statistics;

public sealed class SiteDailyStatConfiguration : IEntityTypeConfiguration<SiteDailyStat>
{
    public void Configure(EntityTypeBuilder<SiteDailyStat> b) => b.HasKey(s => s.Day);
}
