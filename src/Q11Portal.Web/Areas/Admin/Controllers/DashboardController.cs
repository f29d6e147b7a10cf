using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Q11Portal.Core.Articles;
using Q11Portal.Core.Users;
using Q11Portal.Web.Areas.Admin.Models;

namespace Q11Portal.Web.Areas.Admin.Controllers;

/// <summary>Cards a feature adds to the dashboard (e.g. "Bình luận chờ duyệt"): register with
/// <c>services.AddScoped&lt;IDashboardTileSource, YourSource&gt;()</c>.</summary>
public interface IDashboardTileSource
{
    /// <summary>Null when the tile does not apply to this user (e.g. a moderation count for a reporter).</summary>
    Task<DashboardTile?> GetTileAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken ct);
}

public sealed record DashboardViewModel(DashboardSummary Summary, IReadOnlyList<DashboardTile> Tiles);

[Route("admin")]
public sealed class DashboardController(NewsroomDashboard dashboard, UserManager<PortalUser> users, IEnumerable<IDashboardTileSource> tileSources)
    : StaffControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var summary = await dashboard.GetAsync(users.GetUserId(User), ct);
        var tiles = new List<DashboardTile>();
        foreach (var source in tileSources)
        {
            if (await source.GetTileAsync(User, ct) is { } tile)
            {
                tiles.Add(tile);
            }
        }

        ViewData["Title"] = "Tổng quan";
        return View(new DashboardViewModel(summary, tiles));
    }
}
