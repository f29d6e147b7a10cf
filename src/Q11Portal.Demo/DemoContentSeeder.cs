using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Categories;
using Q11Portal.Core.Common;
using Q11Portal.Core.Data;
using Q11Portal.Core.Media;
using Q11Portal.Core.Sidebar;
using Q11Portal.Core.Tags;
using Q11Portal.Core.Topics;

namespace Q11Portal.Demo;

/// <summary>Fills an empty database with the project's own demo content: categories, about thirty articles written
/// for the project (including five reviews of Directive 05-CT/TW / Conclusion 01-KL/TW), tags, drawn illustrations
/// and the sidebar blocks. Dates are relative to now, everything else is fixed, so two runs give the same site.</summary>
public sealed class DemoContentSeeder(
    PortalDbContext db,
    ArticleHtmlSanitizer sanitizer,
    TimeProvider clock,
    PortalPaths paths,
    ILogger<DemoContentSeeder>? logger = null) : IDemoContentSeeder
{
    public const string TopicTitle = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh";

    private static readonly (string Name, int Order, string Description)[] CategoryNames =
    [
        ("Hoạt động Đảng - Đoàn thể", 1, "Tin hoạt động của Đảng bộ, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội Quận 11."),
        ("Chính quyền", 2, "Hoạt động của HĐND, UBND quận và các phường; cải cách hành chính, chuyển đổi số."),
        ("Y tế - Sức khỏe", 3, "Phòng chống dịch bệnh, chăm sóc sức khỏe nhân dân, khuyến cáo của ngành y tế."),
        ("Văn hóa - Xã hội", 4, "Văn hóa, giáo dục, thể thao, an sinh xã hội trên địa bàn quận."),
        ("Quốc phòng - An ninh", 5, "Quốc phòng địa phương, an ninh trật tự, phòng cháy chữa cháy."),
        ("Đô thị", 6, "Quy hoạch, chỉnh trang đô thị, giao thông và môi trường."),
    ];

    private readonly ILogger logger = logger ?? NullLogger<DemoContentSeeder>.Instance;

    /// <summary>Seeds categories and articles; returns the number of articles added (0 when articles already exist).</summary>
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        if (await db.Articles.AnyAsync(ct))
        {
            return 0;
        }

        var watch = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        paths.EnsureCreated();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = LocalTime.LocalDay(now);

        var categories = new Dictionary<string, (Category Entity, int Theme)>();
        foreach (var (name, order, description) in CategoryNames)
        {
            var slug = Slug.From(name);
            var category = await db.Categories.SingleOrDefaultAsync(c => c.Slug == slug, ct)
                ?? db.Categories.Add(new Category { Name = name, Slug = slug, SortOrder = order, Description = description }).Entity;
            categories[name] = (category, order - 1);
        }

        var topicSlug = Slug.From(TopicTitle);
        var topic = await db.Topics.SingleOrDefaultAsync(t => t.Slug == topicSlug, ct)
            ?? db.Topics.Add(new Topic
            {
                Title = TopicTitle,
                Slug = topicSlug,
                Description = "Báo cáo sơ kết, tổng kết việc thực hiện Chỉ thị 05-CT/TW và Kết luận 01-KL/TW của Bộ Chính trị tại các tổ chức đảng, cơ quan, đơn vị trên địa bàn Quận 11.",
                SortOrder = 1,
            }).Entity;

        var tags = new Dictionary<string, Tag>(StringComparer.Ordinal);
        async Task<Tag> TagAsync(string name)
        {
            name = VietnameseText.Nfc(name);
            var slug = Slug.From(name);
            if (!tags.TryGetValue(slug, out var tag))
            {
                tag = await db.Tags.SingleOrDefaultAsync(t => t.Slug == slug, ct) ?? db.Tags.Add(new Tag { Name = name, Slug = slug }).Entity;
                tags[slug] = tag;
            }

            return tag;
        }

        var texts = DemoArticleSource.Load();
        var slugs = new ArticleSlugs(db, clock);
        var articles = new List<Article>(texts.Count);
        using var images = new DemoImages(paths.UploadsDirectory);

        // Drawing and encoding the pictures is the slow part: do it on every core before touching the database.
        var jobs = new List<DemoImageJob>();
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i];
            if (!categories.TryGetValue(text.Category, out var category))
            {
                throw new InvalidOperationException($"Demo article '{text.Title}' names an unknown category '{text.Category}'.");
            }

            var number = (i + 1).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            var shortSlug = Slug.From(text.Title);
            shortSlug = shortSlug.Length > 40 ? shortSlug[..40].TrimEnd('-') : shortSlug;
            jobs.Add(new DemoImageJob($"demo/{number}-{shortSlug}", text.Title, category.Entity.Name, category.Theme, 1000 + i, DemoPicture.Scene));
            if (text.BodyFigureCaption is { } figureCaption)
            {
                jobs.Add(new DemoImageJob($"demo/{number}-anh-2", figureCaption, "Ảnh minh họa", category.Theme + 1, 5000 + i, DemoPicture.Scene));
            }
        }

        jobs.Add(new DemoImageJob("demo/banner-hoc-tap-lam-theo-bac", "Học tập và làm theo Bác", "Chuyên đề năm 2025", 0, 9001, DemoPicture.Banner));
        jobs.Add(new DemoImageJob("demo/video-ngay-hoi-van-hoa", "Phóng sự: Ngày hội văn hóa các dân tộc Quận 11", "Video clip", 3, 9002, DemoPicture.Video));
        var media = new MediaFile[jobs.Count];
        Parallel.For(0, jobs.Count, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, j =>
        {
            var job = jobs[j];
            media[j] = images.Create(job.StoredName, job.Title, job.Label, job.Theme, job.Seed, now, job.Picture);
            media[j].Caption = job.Picture == DemoPicture.Scene ? job.Title : null;
        });
        var mediaByName = media.ToDictionary(m => m.StoredName, StringComparer.Ordinal);
        db.MediaFiles.AddRange(media);

        var reportTexts = texts.Select((t, i) => (Text: t, Number: (i + 1).ToString("D2", System.Globalization.CultureInfo.InvariantCulture)))
            .Where(x => x.Text.Report is not null).ToList();
        Parallel.ForEach(reportTexts, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, x =>
        {
            var path = Path.Combine(paths.DocumentsDirectory, ReportPdfName(x.Number));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            DemoDocuments.WriteReportPdf(path, x.Text);
        });

        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i];
            var category = categories[text.Category];
            var published = PublishedAtUtc(today, text.DaysAgo, text.LocalTime, now);
            var number = (i + 1).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            var lead = media[jobs.FindIndex(j => j.Seed == 1000 + i)];
            lead.Caption = text.Caption;

            string? figureHtml = null;
            if (text.BodyFigureCaption is { } figureCaption)
            {
                var figure = mediaByName[$"demo/{number}-anh-2"];
                figureHtml = "<figure><img src=\"" + MediaPaths.RenditionUrl(figure.StoredName, 800) + "\" srcset=\"" + MediaPaths.SrcSet(figure.StoredName, figure.Widths) +
                    "\" sizes=\"(min-width: 1024px) 760px, 100vw\" width=\"800\" height=\"450\" loading=\"lazy\" alt=\"" + WebUtility.HtmlEncode(figureCaption) +
                    "\"><figcaption>" + WebUtility.HtmlEncode(figureCaption) + "</figcaption></figure>";
            }

            var article = new Article
            {
                Title = VietnameseText.Nfc(text.Title),
                Summary = VietnameseText.Nfc(text.Summary),
                BodyHtml = sanitizer.Sanitize(BodyHtml(text.Paragraphs, figureHtml)),
                Category = category.Entity,
                LeadImage = lead,
                LeadImageCaption = VietnameseText.Nfc(text.Caption),
                Byline = text.Byline,
                Status = ArticleStatus.Published,
                IsFeatured = text.Featured,
                PublishedAtUtc = published,
                CreatedAtUtc = published.AddHours(-3),
                UpdatedAtUtc = published,
                ViewCount = 40 + ((i * 7919) % 1900),
                Kind = text.Report is null ? ArticleKind.News : ArticleKind.Report,
            };
            foreach (var tagName in text.Tags)
            {
                article.Tags.Add(await TagAsync(tagName));
            }

            if (text.Report is { } report)
            {
                article.ReviewedDocument = report.Document;
                article.ReportingUnit = report.Unit;
                article.ReportPeriod = report.Period;
                article.Topic = topic;
                var order = 0;
                foreach (var (label, value, unit) in report.Figures)
                {
                    article.Figures.Add(new ReportFigure { Label = label, Value = value, Unit = unit, SortOrder = order++ });
                }

                article.Attachments.Add(ReportAttachment(ReportPdfName(number), published));
            }

            await slugs.AssignAsync(article, ct);
            db.Articles.Add(article);
            articles.Add(article);
        }

        AddSidebar(mediaByName, articles);
        DemoSections(images, now);
        DemoLibrary.Add(db, paths, now);
        await db.SaveChangesAsync(ct);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        logger.LogInformation("Demo content: {Count} articles with {Images} illustrations written in {Elapsed} ms ({CpuMs} ms CPU)",
            articles.Count, media.Length, watch.ElapsedMilliseconds, (long)cpu.TotalMilliseconds);
        return articles.Count;
    }

    private sealed record DemoImageJob(string StoredName, string Title, string Label, int Theme, int Seed, DemoPicture Picture);

    /// <summary>The local day <paramref name="daysAgo"/> before today at the given local time, as UTC; never in the future.</summary>
    internal static DateTime PublishedAtUtc(DateOnly today, int daysAgo, TimeOnly localTime, DateTime nowUtc)
    {
        var utc = LocalTime.ToUtc(today.AddDays(-daysAgo).ToDateTime(localTime));
        return utc <= nowUtc ? utc : utc.AddDays(-1);
    }

    private static string BodyHtml(IReadOnlyList<string> paragraphs, string? figureHtml)
    {
        var html = new System.Text.StringBuilder();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var paragraph = paragraphs[i];
            if (paragraph.StartsWith("## ", StringComparison.Ordinal))
            {
                html.Append("<h2>").Append(WebUtility.HtmlEncode(paragraph[3..])).Append("</h2>");
            }
            else if (paragraph.StartsWith("> ", StringComparison.Ordinal))
            {
                html.Append("<blockquote><p>").Append(WebUtility.HtmlEncode(paragraph[2..])).Append("</p></blockquote>");
            }
            else
            {
                html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
            }

            if (i == 1 && figureHtml is not null)
            {
                html.Append(figureHtml);
            }
        }

        return html.ToString();
    }

    private static string ReportPdfName(string number) => $"demo/{number}-bao-cao.pdf";

    private Attachment ReportAttachment(string storedName, DateTime publishedUtc) => new()
    {
        StoredName = storedName,
        FileName = Path.GetFileName(storedName),
        ContentType = "application/pdf",
        SizeBytes = new FileInfo(Path.Combine(paths.DocumentsDirectory, storedName)).Length,
        Title = "Toàn văn báo cáo (PDF)",
        UploadedAtUtc = publishedUtc,
    };

    /// <summary>The work schedule around today and the site pages (Giới thiệu, Liên hệ, privacy notice).</summary>
    private void DemoSections(DemoImages images, DateTime now)
    {
        DemoSchedule.Add(db, now);
        DemoPages.Add(db, sanitizer, images, now);
    }

    private void AddSidebar(Dictionary<string, MediaFile> media, List<Article> articles)
    {
        var links = new SidebarBlock { Kind = SidebarBlockKind.LinkList, Title = "Liên kết website", SortOrder = 1 };
        (string Title, string Url)[] sites =
        [
            ("Báo điện tử Đảng Cộng sản Việt Nam", "https://dangcongsan.vn"),
            ("Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn"),
            ("Cổng thông tin điện tử TP. Hồ Chí Minh", "https://hochiminhcity.gov.vn"),
            ("Tạp chí Cộng sản", "https://www.tapchicongsan.org.vn"),
            ("Báo Nhân Dân", "https://nhandan.vn"),
            ("Báo Sài Gòn Giải Phóng", "https://www.sggp.org.vn"),
        ];
        var order = 0;
        foreach (var (title, url) in sites)
        {
            links.Items.Add(new SidebarItem { Title = title, Url = url, SortOrder = order++ });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var bannerImage = media["demo/banner-hoc-tap-lam-theo-bac"];
        var banner = new SidebarBlock { Kind = SidebarBlockKind.Banner, Title = "Chuyên đề", SortOrder = 2 };
        banner.Items.Add(new SidebarItem
        {
            Title = "Chuyên đề: Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            Url = "/tu-khoa/" + Slug.From("Học tập và làm theo Bác"),
            ImageUrl = MediaPaths.RenditionUrl(bannerImage.StoredName, 480),
        });

        // An expired banner stays in the database and must not show.
        var oldBanner = new SidebarBlock
        {
            Kind = SidebarBlockKind.Banner,
            Title = "Tết Nguyên đán (đã hết hạn)",
            SortOrder = 3,
            ActiveUntilUtc = now.AddDays(-30),
        };
        oldBanner.Items.Add(new SidebarItem { Title = "Mừng Đảng, mừng Xuân", Url = "/" });

        var videoArticle = articles.FirstOrDefault(a => a.Category.Slug == "van-hoa-xa-hoi") ?? articles[0];
        var videoImage = media["demo/video-ngay-hoi-van-hoa"];
        var video = new SidebarBlock { Kind = SidebarBlockKind.VideoClip, Title = "Video clip", SortOrder = 4 };
        video.Items.Add(new SidebarItem
        {
            Title = "Phóng sự: Ngày hội văn hóa các dân tộc Quận 11",
            Url = "/tin-tuc/" + videoArticle.Slug,
            ImageUrl = MediaPaths.RenditionUrl(videoImage.StoredName, 480),
        });

        var photos = new SidebarBlock { Kind = SidebarBlockKind.PhotoReportage, Title = "Phóng sự ảnh", SortOrder = 5 };
        order = 0;
        foreach (var article in articles.Where(a => a.LeadImage is not null).Where((_, index) => index % 7 == 2).Take(4))
        {
            photos.Items.Add(new SidebarItem
            {
                Title = article.Title,
                Url = "/tin-tuc/" + article.Slug,
                ImageUrl = MediaPaths.RenditionUrl(article.LeadImage!.StoredName, 480),
                SortOrder = order++,
            });
        }

        db.SidebarBlocks.AddRange(links, banner, oldBanner, video, photos);
    }
}
