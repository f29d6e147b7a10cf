namespace Q11Portal.Core.Tags;

/// <summary>A slug a tag had before it was renamed or merged into another; /tu-khoa/old redirects (301) to the tag
/// that carries its articles now.</summary>
public class TagSlugHistory
{
    public int Id { get; set; }
    public string Slug { get; set; } = string.Empty;
    public int TagId { get; set; }
    public Tag Tag { get; set; } = null!;
    public DateTime RetiredAtUtc { get; set; }
}

public sealed class TagSlugHistoryConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<TagSlugHistory>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<TagSlugHistory> b)
    {
        b.Property(h => h.Slug).HasMaxLength(Common.Slug.MaxLength).IsRequired();
        b.HasIndex(h => h.Slug).IsUnique();
        b.HasOne(h => h.Tag).WithMany().HasForeignKey(h => h.TagId).OnDelete(Microsoft.EntityFrameworkCore.DeleteBehavior.Cascade);
    }
}
