using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Q11Portal.Core.Pages;

public sealed class SitePageConfiguration : IEntityTypeConfiguration<SitePage>
{
    public void Configure(EntityTypeBuilder<SitePage> b)
    {
        b.Property(x => x.Slug).HasMaxLength(SitePageRules.SlugMaxLength).IsRequired();
        b.HasIndex(x => x.Slug).IsUnique();
        b.Property(x => x.Title).HasMaxLength(SitePageRules.TitleMaxLength).IsRequired();
        b.Property(x => x.Summary).HasMaxLength(SitePageRules.SummaryMaxLength);
        b.Property(x => x.BodyHtml).IsRequired();
        b.Property(x => x.UpdatedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Placement, x.SortOrder });
        b.HasMany(x => x.Revisions).WithOne().HasForeignKey(r => r.SitePageId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SitePageRevisionConfiguration : IEntityTypeConfiguration<SitePageRevision>
{
    public void Configure(EntityTypeBuilder<SitePageRevision> b)
    {
        b.Property(x => x.Title).HasMaxLength(SitePageRules.TitleMaxLength).IsRequired();
        b.Property(x => x.BodyHtml).IsRequired();
        b.Property(x => x.UserName).HasMaxLength(256);
        b.HasIndex(x => new { x.SitePageId, x.Number }).IsUnique();
    }
}
