using System.ComponentModel.DataAnnotations;

namespace Q11Portal.Core.Articles;

public sealed class NewsroomOptions
{
    public const string SectionName = "Newsroom";

    /// <summary>How often the scheduler looks for due articles; a scheduled article goes public at most this late.</summary>
    [Range(1, 55)]
    public int SchedulerIntervalSeconds { get; set; } = 15;
}
