using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Q11Portal.Core.Topics;

public sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> b)
    {
        b.Property(t => t.Title).HasMaxLength(300).IsRequired();
        b.Property(t => t.Slug).HasMaxLength(Common.Slug.MaxLength).IsRequired();
        b.HasIndex(t => t.Slug).IsUnique();
        b.Property(t => t.Description).HasMaxLength(2000);
    }
}
