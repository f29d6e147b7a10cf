namespace Q11Portal.Cli;

/// <summary>Reports progress as lines on the CLI's output, synchronously (in order, unlike <see cref="Progress{T}"/>),
/// at most once per <paramref name="every"/> and always for the first and last report.</summary>
public sealed class CliProgress<T>(TextWriter output, Func<T, string> format, Func<T, bool> isLast, TimeSpan? every = null) : IProgress<T>
{
    private readonly TimeSpan interval = every ?? TimeSpan.FromSeconds(1);
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
    private TimeSpan last = TimeSpan.MinValue;

    public void Report(T value)
    {
        var now = clock.Elapsed;
        if (last != TimeSpan.MinValue && now - last < interval && !isLast(value))
        {
            return;
        }

        last = now;
        output.WriteLine(format(value));
    }
}
