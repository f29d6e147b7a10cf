using Q11Portal.Core.Data;

namespace Q11Portal.Benchmarks;

/// <summary>What every scenario shares: the data set, the database and the load shape.</summary>
public sealed record BenchmarkOptions(
    int Articles,
    int Seed,
    DatabaseProvider Provider,
    string? ConnectionString,
    string DataDirectory,
    bool Fresh,
    TimeSpan Duration,
    TimeSpan Warmup,
    int Connections,
    bool UseWrk,
    IReadOnlyDictionary<string, string?> Settings,
    bool OutOfProcess = false);
