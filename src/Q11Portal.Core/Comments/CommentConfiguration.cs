using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Q11Portal.Core.Comments;

public sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> b)
    {
        b.Property(c => c.AuthorName).HasMaxLength(100).IsRequired();
        b.Property(c => c.AuthorEmail).HasMaxLength(256);
        b.Property(c => c.Body).IsRequired();
        b.Property(c => c.ModeratedBy).HasMaxLength(256);
        b.Property(c => c.ModerationReason).HasMaxLength(1000);
        b.Property(c => c.ClientAddress).HasMaxLength(64);
        b.Property(c => c.ClientHash).HasMaxLength(100);
        b.HasIndex(c => new { c.ArticleId, c.Status, c.CreatedAtUtc });
        b.HasIndex(c => new { c.Status, c.CreatedAtUtc });
        b.HasOne(c => c.Article).WithMany().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
