namespace Q11Portal.Core.Search;

public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>How often a node reads the ContentChanges log to catch up with changes made on other nodes.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Keep the index in step in the background (off for one-shot CLI runs).</summary>
    public bool BackgroundSync { get; set; } = true;
}
