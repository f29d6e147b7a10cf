using Microsoft.Extensions.Configuration;
using Q11Portal.Core.Data;

namespace Q11Portal.Core.Tests.Media;

/// <summary>The shared media folder and the node's own index folder are set apart; by default both stay under
/// DataDirectory as before.</summary>
public sealed class PortalPathsTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "q11-paths");

    [Fact]
    public void FromConfiguration_NothingSet_KeepsEverythingUnderAppData()
    {
        var paths = PortalPaths.FromConfiguration(Configuration([]), Root);

        var data = Path.Combine(Root, "App_Data");
        Assert.Equal(data, paths.DataDirectory);
        Assert.Equal(Path.Combine(data, "uploads"), paths.UploadsDirectory);
        Assert.Equal(Path.Combine(data, "documents"), paths.DocumentsDirectory);
        Assert.Equal(Path.Combine(data, "search-index"), paths.SearchIndexDirectory);
        Assert.Equal(Path.Combine(data, "q11portal.db"), paths.DefaultSqliteFile);
    }

    [Fact]
    public void FromConfiguration_MediaAndIndexDirectories_AreUsedApart()
    {
        var shared = Path.Combine(Root, "share", "media");
        var paths = PortalPaths.FromConfiguration(Configuration(new()
        {
            ["DataDirectory"] = "data",
            ["Media:Directory"] = shared,
            ["Search:IndexDirectory"] = "node-index",
        }), Root);

        Assert.Equal(Path.Combine(Root, "data"), paths.DataDirectory);
        Assert.Equal(Path.Combine(shared, "uploads"), paths.UploadsDirectory);
        Assert.Equal(Path.Combine(shared, "documents"), paths.DocumentsDirectory);
        // Relative, like DataDirectory: from the content root.
        Assert.Equal(Path.Combine(Root, "node-index"), paths.SearchIndexDirectory);
        Assert.Equal(Path.Combine(Root, "data", "q11portal.db"), paths.DefaultSqliteFile);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
