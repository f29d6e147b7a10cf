using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Q11Portal.Core.Tags;

namespace Q11Portal.Core.Articles;

public sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> b)
    {
        b.Property(a => a.Title).HasMaxLength(Article.TitleMaxLength).IsRequired();
        b.Property(a => a.Slug).HasMaxLength(Common.Slug.MaxLength + 20).IsRequired();
        b.HasIndex(a => a.Slug).IsUnique();
        b.Property(a => a.Summary).HasMaxLength(Article.SummaryMaxLength);
        b.Property(a => a.LeadImageCaption).HasMaxLength(500);
        b.Property(a => a.Byline).HasMaxLength(200);
        b.Property(a => a.Source).HasMaxLength(300);
        b.Property(a => a.SourceId).HasMaxLength(100);
        b.HasIndex(a => a.SourceId).IsUnique();
        b.Property(a => a.CreatedById).HasMaxLength(450);
        b.Property(a => a.ReturnReason).HasMaxLength(2000);
        b.Property(a => a.ReviewedDocument).HasMaxLength(200);
        b.Property(a => a.ReportingUnit).HasMaxLength(200);
        b.Property(a => a.ReportPeriod).HasMaxLength(100);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Property(a => a.CorrectionNote).HasMaxLength(Article.CorrectionNoteMaxLength);
        b.Property(a => a.TrashedBy).HasMaxLength(256);
        // The expiry job's look-up of due articles, and the trash's list and purge.
        b.HasIndex(a => new { a.Status, a.ExpiresAtUtc });
        b.HasIndex(a => new { a.Status, a.TrashedAtUtc });

        b.HasIndex(a => new { a.Status, a.PublishedAtUtc });
        b.HasIndex(a => new { a.CategoryId, a.Status, a.PublishedAtUtc });

        b.HasOne(a => a.Category).WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.LeadImage).WithMany().HasForeignKey(a => a.LeadImageId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(a => a.Topic).WithMany().HasForeignKey(a => a.TopicId).OnDelete(DeleteBehavior.SetNull);

        b.HasMany(a => a.Tags).WithMany()
            .UsingEntity<ArticleTag>(
                r => r.HasOne(x => x.Tag).WithMany().HasForeignKey(x => x.TagId),
                l => l.HasOne(x => x.Article).WithMany(a => a.ArticleTags).HasForeignKey(x => x.ArticleId),
                j => j.HasKey(x => new { x.ArticleId, x.TagId }));
    }
}

public sealed class ArticleSlugHistoryConfiguration : IEntityTypeConfiguration<ArticleSlugHistory>
{
    public void Configure(EntityTypeBuilder<ArticleSlugHistory> b)
    {
        b.Property(h => h.Slug).HasMaxLength(Common.Slug.MaxLength + 20).IsRequired();
        b.HasIndex(h => h.Slug).IsUnique();
        b.HasOne(h => h.Article).WithMany().HasForeignKey(h => h.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> b)
    {
        b.Property(r => r.Title).HasMaxLength(Article.TitleMaxLength);
        b.Property(r => r.Summary).HasMaxLength(Article.SummaryMaxLength);
        b.Property(r => r.UserName).HasMaxLength(256);
        b.HasIndex(r => new { r.ArticleId, r.CreatedAtUtc });
        b.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReportFigureConfiguration : IEntityTypeConfiguration<ReportFigure>
{
    public void Configure(EntityTypeBuilder<ReportFigure> b)
    {
        b.Property(f => f.Label).HasMaxLength(200).IsRequired();
        b.Property(f => f.Unit).HasMaxLength(50);
        b.Property(f => f.Value).HasPrecision(18, 2);
        b.HasOne(f => f.Article).WithMany(a => a.Figures).HasForeignKey(f => f.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RelatedArticleConfiguration : IEntityTypeConfiguration<RelatedArticle>
{
    public void Configure(EntityTypeBuilder<RelatedArticle> b)
    {
        b.HasKey(r => new { r.ArticleId, r.RelatedArticleId });
        b.HasIndex(r => new { r.ArticleId, r.Rank });
        b.HasIndex(r => r.RelatedArticleId);
        b.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        // Both ends point at Articles: only one cascade path is allowed on SQL Server, so the other end is cleaned by the service.
        b.HasOne(r => r.Related).WithMany().HasForeignKey(r => r.RelatedArticleId).OnDelete(DeleteBehavior.ClientCascade);
    }
}

public sealed class PinnedRelatedArticleConfiguration : IEntityTypeConfiguration<PinnedRelatedArticle>
{
    public void Configure(EntityTypeBuilder<PinnedRelatedArticle> b)
    {
        b.HasKey(r => new { r.ArticleId, r.PinnedArticleId });
        b.HasIndex(r => r.PinnedArticleId);
        b.HasOne<Article>().WithMany(a => a.PinnedRelated).HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        // As with RelatedArticle: one cascade path on SQL Server, so the purge removes the rows pointing at an article.
        b.HasOne(r => r.Pinned).WithMany().HasForeignKey(r => r.PinnedArticleId).OnDelete(DeleteBehavior.ClientCascade);
    }
}

public sealed class ArticleDailyViewConfiguration : IEntityTypeConfiguration<ArticleDailyView>
{
    public void Configure(EntityTypeBuilder<ArticleDailyView> b)
    {
        b.HasKey(v => new { v.ArticleId, v.Day });
        b.HasIndex(v => v.Day);
        b.HasOne<Article>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ContentChangeConfiguration : IEntityTypeConfiguration<ContentChange>
{
    public void Configure(EntityTypeBuilder<ContentChange> b)
    {
        b.HasIndex(c => c.AtUtc);
    }
}

public sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> b)
    {
        b.Property(t => t.Name).HasMaxLength(100).IsRequired();
        b.Property(t => t.Slug).HasMaxLength(Common.Slug.MaxLength).IsRequired();
        b.HasIndex(t => t.Slug).IsUnique();
    }
}
