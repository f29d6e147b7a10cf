using Microsoft.Extensions.Configuration;

namespace Q11Portal.Core.Data;

/// <summary>Where the SQLite file, the media and the local search index live. <c>DataDirectory</c> holds them all by
/// default; with several web nodes <c>Media:Directory</c> names the folder they share (uploads, documents) and
/// <c>Search:IndexDirectory</c> the folder each node keeps for itself (a Lucene index has one writer).</summary>
public sealed class PortalPaths
{
    public const string ConfigurationKey = "DataDirectory";
    public const string MediaDirectoryKey = "Media:Directory";
    public const string SearchIndexDirectoryKey = "Search:IndexDirectory";

    /// <param name="mediaDirectory">The shared media folder; <paramref name="dataDirectory"/> when null.</param>
    /// <param name="searchIndexDirectory">This node's index folder; <c>search-index</c> under the data directory when null.</param>
    public PortalPaths(string dataDirectory, string? mediaDirectory = null, string? searchIndexDirectory = null)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
        MediaDirectory = mediaDirectory is null ? DataDirectory : Path.GetFullPath(mediaDirectory);
        SearchIndexDirectory = searchIndexDirectory is null ? Path.Combine(DataDirectory, "search-index") : Path.GetFullPath(searchIndexDirectory);
    }

    public string DataDirectory { get; }
    public string MediaDirectory { get; }
    public string UploadsDirectory => Path.Combine(MediaDirectory, "uploads");
    /// <summary>Attached documents: never published as static files, only through the download endpoint.</summary>
    public string DocumentsDirectory => Path.Combine(MediaDirectory, "documents");
    public string SearchIndexDirectory { get; }
    public string DefaultSqliteFile => Path.Combine(DataDirectory, "q11portal.db");

    /// <summary>Relative paths are taken from the content root, like <c>DataDirectory</c>.</summary>
    public static PortalPaths FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        string? Resolve(string key) =>
            configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? Path.Combine(contentRoot, value) : null;

        return new PortalPaths(
            Resolve(ConfigurationKey) ?? Path.Combine(contentRoot, "App_Data"),
            Resolve(MediaDirectoryKey),
            Resolve(SearchIndexDirectoryKey));
    }

    public void EnsureCreated()
    {
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(UploadsDirectory);
    }
}
