using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Q11Portal.Web.Infrastructure;

namespace Q11Portal.Web.Tests.Caching;

/// <summary>The render of an uncached public page and a reader who leaves: the output cache hands the first reader's
/// result, or its exception, to the readers of the same address it held behind it, so a closed tab must neither cancel
/// a render under way nor throw.</summary>
public sealed class PublicPageRenderGateTests
{
    [Fact]
    public async Task ReaderLeavesDuringTheRender_TheRenderGoesOnUncancelled()
    {
        using var leaving = new CancellationTokenSource();
        var context = PublicPageRequest(leaving.Token);
        bool? renderSawCancellation = null;

        await new PublicPageRenderGate(1).OnResourceExecutionAsync(context, () =>
        {
            leaving.Cancel();
            renderSawCancellation = context.HttpContext.RequestAborted.IsCancellationRequested;
            return Task.FromResult(Executed(context));
        });

        Assert.False(renderSawCancellation);
        Assert.Null(context.Result);
    }

    [Fact]
    public async Task ReaderLeftWhileWaitingForASlot_NothingRendered_NothingThrown()
    {
        var gate = new PublicPageRenderGate(1);
        var holderDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = PublicPageRequest(CancellationToken.None);
        var holding = gate.OnResourceExecutionAsync(holder, async () =>
        {
            await holderDone.Task;
            return Executed(holder);
        });

        using var leaving = new CancellationTokenSource();
        var waiter = PublicPageRequest(leaving.Token);
        var rendered = false;
        try
        {
            var waiting = gate.OnResourceExecutionAsync(waiter, () =>
            {
                rendered = true;
                return Task.FromResult(Executed(waiter));
            });
            await leaving.CancelAsync();
            await waiting;
        }
        finally
        {
            holderDone.TrySetResult();
            await holding;
        }

        Assert.False(rendered);
        Assert.Equal(PublicPageRenderGate.ClientClosedRequest, Assert.IsType<StatusCodeResult>(waiter.Result).StatusCode);
    }

    private static ResourceExecutingContext PublicPageRequest(CancellationToken aborted)
    {
        var http = new DefaultHttpContext { RequestAborted = aborted };
        var action = new ActionDescriptor { EndpointMetadata = [new OutputCacheAttribute { PolicyName = PublicPageCache.Policy }] };
        return new ResourceExecutingContext(new ActionContext(http, new RouteData(), action), [], []);
    }

    private static ResourceExecutedContext Executed(ResourceExecutingContext context) => new(context, []);
}
