using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Q11Portal.Core.Documents;

public sealed class LibraryDocumentConfiguration : IEntityTypeConfiguration<LibraryDocument>
{
    public void Configure(EntityTypeBuilder<LibraryDocument> b)
    {
        b.ToTable("LibraryDocuments");
        b.Property(d => d.Kind).HasMaxLength(10).IsRequired();
        b.Property(d => d.Symbol).HasMaxLength(DocumentRules.SymbolMaxLength).IsRequired();
        b.Property(d => d.ReferenceKey).HasMaxLength(100).IsRequired();
        b.HasIndex(d => d.ReferenceKey).IsUnique();
        b.Property(d => d.KindNumberKey).HasMaxLength(60).IsRequired();
        b.HasIndex(d => d.KindNumberKey);
        b.Property(d => d.Slug).HasMaxLength(120).IsRequired();
        b.HasIndex(d => d.Slug).IsUnique();
        b.Property(d => d.Excerpt).HasMaxLength(DocumentRules.ExcerptMaxLength).IsRequired();
        b.Property(d => d.Issuer).HasMaxLength(DocumentRules.IssuerMaxLength).IsRequired();
        b.HasIndex(d => d.IssuedOn);
        b.Property(d => d.Signer).HasMaxLength(DocumentRules.SignerMaxLength);
        b.HasOne(d => d.ReplacedBy).WithMany().HasForeignKey(d => d.ReplacedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class LibraryDocumentFileConfiguration : IEntityTypeConfiguration<LibraryDocumentFile>
{
    public void Configure(EntityTypeBuilder<LibraryDocumentFile> b)
    {
        b.ToTable("LibraryDocumentFiles");
        b.Property(f => f.StoredName).HasMaxLength(100).IsRequired();
        b.HasIndex(f => f.StoredName).IsUnique();
        b.Property(f => f.FileName).HasMaxLength(260).IsRequired();
        b.Property(f => f.ContentType).HasMaxLength(150);
        b.Property(f => f.UploadedBy).HasMaxLength(256);
        b.HasOne(f => f.Document).WithMany(d => d.Files).HasForeignKey(f => f.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
