using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Q11Portal.Core.Sidebar;

public sealed class SidebarBlockConfiguration : IEntityTypeConfiguration<SidebarBlock>
{
    public void Configure(EntityTypeBuilder<SidebarBlock> b)
    {
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        b.HasMany(x => x.Items).WithOne(i => i.Block).HasForeignKey(i => i.SidebarBlockId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SidebarItemConfiguration : IEntityTypeConfiguration<SidebarItem>
{
    public void Configure(EntityTypeBuilder<SidebarItem> b)
    {
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.Url).HasMaxLength(1000);
        b.Property(x => x.ImageUrl).HasMaxLength(1000);
        b.Property(x => x.VideoUrl).HasMaxLength(1000);
        b.Property(x => x.Caption).HasMaxLength(500);
    }
}
