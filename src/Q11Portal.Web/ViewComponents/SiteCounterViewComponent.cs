using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Statistics;

namespace Q11Portal.Web.ViewComponents;

/// <summary>The sidebar "SỐ LƯỢT TRUY CẬP" odometer with Đang truy cập, Hôm nay and Tháng này.</summary>
public sealed class SiteCounterViewComponent(ViewCounter counter) : ViewComponent
{
    /// <summary>Odometers show at least this many digits, zero-padded, like the district portals do.</summary>
    public const int MinimumDigits = 8;

    public IViewComponentResult Invoke() => View(new SiteCounterViewModel(counter.SiteCounts));
}

public sealed record SiteCounterViewModel(SiteCounts Counts)
{
    public string Digits => Counts.Total.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(SiteCounterViewComponent.MinimumDigits, '0');
}

/// <summary>"Số lượt người xem: N" under an article, kept fresh by counters.js when the page is cached.</summary>
public sealed class ArticleViewCountViewComponent(ViewCounter counter) : ViewComponent
{
    /// <param name="articleId">The article shown.</param>
    /// <param name="storedCount">Its <c>ViewCount</c> as the page loaded it.</param>
    public IViewComponentResult Invoke(int articleId, long storedCount) =>
        View(new ArticleViewCountViewModel(articleId, storedCount + counter.PendingViews(articleId)));
}

public sealed record ArticleViewCountViewModel(int ArticleId, long Views);
