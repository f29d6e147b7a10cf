using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Audit;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Comments;
using Q11Portal.Core.Media;
using Q11Portal.Core.Sidebar;
using Q11Portal.Core.Statistics;
using Q11Portal.Core.Tags;
using Q11Portal.Core.Topics;
using Q11Portal.Core.Users;

namespace Q11Portal.Core.Data;

public class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleTag> ArticleTags => Set<ArticleTag>();
    public DbSet<ArticleSlugHistory> ArticleSlugHistory => Set<ArticleSlugHistory>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<ReportFigure> ReportFigures => Set<ReportFigure>();
    public DbSet<RelatedArticle> RelatedArticles => Set<RelatedArticle>();
    public DbSet<PinnedRelatedArticle> PinnedRelatedArticles => Set<PinnedRelatedArticle>();
    public DbSet<ArticleDailyView> ArticleDailyViews => Set<ArticleDailyView>();
    public DbSet<ContentChange> ContentChanges => Set<ContentChange>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<CategorySlugHistory> CategorySlugHistory => Set<CategorySlugHistory>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<TagSlugHistory> TagSlugHistory => Set<TagSlugHistory>();
    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<SidebarBlock> SidebarBlocks => Set<SidebarBlock>();
    public DbSet<SidebarItem> SidebarItems => Set<SidebarItem>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<SpentToken> SpentTokens => Set<SpentToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SiteDailyStat> SiteDailyStats => Set<SiteDailyStat>();
    public DbSet<CounterFlush> CounterFlushes => Set<CounterFlush>();
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;
    public DbSet<Security.PortalSecret> PortalSecrets => Set<Security.PortalSecret>();
    public DbSet<Schedule.ScheduleWeek> ScheduleWeeks => Set<Schedule.ScheduleWeek>();
    public DbSet<Schedule.ScheduleEntry> ScheduleEntries => Set<Schedule.ScheduleEntry>();
    public DbSet<Schedule.ScheduleRevision> ScheduleRevisions => Set<Schedule.ScheduleRevision>();
    public DbSet<Pages.SitePage> SitePages => Set<Pages.SitePage>();
    public DbSet<Pages.SitePageRevision> SitePageRevisions => Set<Pages.SitePageRevision>();
    public DbSet<Letters.Letter> Letters => Set<Letters.Letter>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every stored time is UTC; SQLite hands DateTime back as Unspecified, PostgreSQL insists on Utc.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
