using Microsoft.Extensions.Configuration;

namespace Q11Portal.Core.Data;

/// <summary>Where the SQLite file, uploads and the local search index live (configuration key <c>DataDirectory</c>).</summary>
public sealed class PortalPaths
{
    public const string ConfigurationKey = "DataDirectory";

    public PortalPaths(string dataDirectory)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
    }

    public string DataDirectory { get; }
    public string UploadsDirectory => Path.Combine(DataDirectory, "uploads");
    /// <summary>Attached documents: never published as static files, only through the download endpoint.</summary>
    public string DocumentsDirectory => Path.Combine(DataDirectory, "documents");
    public string SearchIndexDirectory => Path.Combine(DataDirectory, "search-index");
    public string DefaultSqliteFile => Path.Combine(DataDirectory, "q11portal.db");

    public static PortalPaths FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[ConfigurationKey];
        var directory = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(contentRoot, "App_Data")
            : Path.IsPathRooted(configured) ? configured : Path.Combine(contentRoot, configured);
        return new PortalPaths(directory);
    }

    public void EnsureCreated()
    {
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(UploadsDirectory);
    }
}
