using Microsoft.Extensions.Diagnostics.HealthChecks;
using Q11Portal.Core.Data;
using Q11Portal.Core.Search;

namespace Q11Portal.Web.Infrastructure;

/// <summary>Unready while another process holds this node's search index: the node could neither index nor (when the
/// index could not be opened at all) search. The usual cause is two nodes given one <c>Search:IndexDirectory</c>.</summary>
public sealed class SearchIndexHealthCheck(SearchIndex index, PortalPaths paths) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            index.EnsureOpen();
        }
        catch (InvalidOperationException ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(ex.Message));
        }

        return Task.FromResult(index.IsReadOnly
            ? HealthCheckResult.Unhealthy($"The search index at {paths.SearchIndexDirectory} is held by another process and open read-only; give each node its own Search:IndexDirectory.")
            : HealthCheckResult.Healthy());
    }
}
