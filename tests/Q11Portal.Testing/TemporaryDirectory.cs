namespace Q11Portal.Testing;

/// <summary>A fresh directory under the system temp folder, deleted (with its content) on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory(string prefix = "q11-tmp-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (a closing index) is left to the OS temp cleaner.
        }
    }
}
