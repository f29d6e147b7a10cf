using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Q11Portal.Core.Media;

public sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> b)
    {
        b.Property(m => m.StoredName).HasMaxLength(100).IsRequired();
        b.HasIndex(m => m.StoredName).IsUnique();
        b.Property(m => m.OriginalFileName).HasMaxLength(260);
        b.Property(m => m.ContentType).HasMaxLength(100);
        b.Property(m => m.Widths).HasMaxLength(100);
        b.Property(m => m.AltText).HasMaxLength(500);
        b.Property(m => m.Caption).HasMaxLength(500);
        b.Property(m => m.UploadedBy).HasMaxLength(256);
        b.Property(m => m.SearchText).HasMaxLength(1300);
        b.HasIndex(m => m.UploadedAtUtc);
    }
}

public sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.Property(a => a.StoredName).HasMaxLength(100).IsRequired();
        b.HasIndex(a => a.StoredName).IsUnique();
        b.Property(a => a.FileName).HasMaxLength(260).IsRequired();
        b.Property(a => a.ContentType).HasMaxLength(150);
        b.Property(a => a.Title).HasMaxLength(300);
        b.Property(a => a.UploadedBy).HasMaxLength(256);
        b.HasOne(a => a.Article).WithMany(x => x.Attachments).HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
