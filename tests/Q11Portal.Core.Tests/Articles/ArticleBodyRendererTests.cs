using AngleSharp.Dom;
using Q11Portal.Core.Articles.Rendering;

namespace Q11Portal.Core.Tests.Articles;

public sealed class ArticleBodyRendererTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RenderAsync_WithoutSteps_ReturnsTheStoredBodyUnchanged()
    {
        const string stored = "<p>Nội dung &amp; <b>chữ đậm</b></p>";

        var rendered = await new ArticleBodyRenderer([]).RenderAsync(stored, new ArticleBodyRenderContext(1), Ct);

        Assert.Same(stored, rendered);
    }

    [Fact]
    public async Task RenderAsync_RunsEveryStepInOrder_OverOneParsedBody()
    {
        var steps = new IArticleBodyTransform[] { new AppendStep(200, "sau"), new AppendStep(100, "trước") };

        var rendered = await new ArticleBodyRenderer(steps).RenderAsync("<p>Bài</p>", new ArticleBodyRenderContext(7), Ct);

        Assert.Equal("<p>Bài</p><p>trước 7</p><p>sau 7</p>", rendered);
    }

    private sealed class AppendStep(int order, string text) : IArticleBodyTransform
    {
        public int Order => order;

        public Task ApplyAsync(IElement body, ArticleBodyRenderContext context, CancellationToken ct)
        {
            var p = body.Owner!.CreateElement("p");
            p.TextContent = $"{text} {context.ArticleId}";
            body.AppendChild(p);
            return Task.CompletedTask;
        }
    }
}
