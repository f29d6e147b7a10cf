using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Q11Portal.Core.Categories;

public sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.Property(c => c.Name).HasMaxLength(150).IsRequired();
        b.Property(c => c.Slug).HasMaxLength(Common.Slug.MaxLength).IsRequired();
        b.HasIndex(c => c.Slug).IsUnique();
        b.Property(c => c.Description).HasMaxLength(1000);
        b.HasOne(c => c.Parent).WithMany(c => c.Children).HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CategorySlugHistoryConfiguration : IEntityTypeConfiguration<CategorySlugHistory>
{
    public void Configure(EntityTypeBuilder<CategorySlugHistory> b)
    {
        b.Property(h => h.Slug).HasMaxLength(Common.Slug.MaxLength).IsRequired();
        b.HasIndex(h => h.Slug).IsUnique();
        b.HasOne(h => h.Category).WithMany().HasForeignKey(h => h.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
