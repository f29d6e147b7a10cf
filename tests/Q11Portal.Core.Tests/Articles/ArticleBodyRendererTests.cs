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

    [Fact]
    public async Task RenderAsync_NoStepApplies_ReturnsTheStoredBodyWithoutParsingIt()
    {
        const string stored = "<p>Bài không có ảnh</p>";
        var step = new AppendStep(100, "không chạy", applies: false);

        var rendered = await new ArticleBodyRenderer([step, new AppendStep(200, "cũng không", applies: false)]).RenderAsync(stored, new ArticleBodyRenderContext(3), Ct);

        Assert.Same(stored, rendered);
        Assert.Equal(0, step.Applied);
    }

    [Fact]
    public async Task RenderAsync_OnlyTheStepsThatApply_Run()
    {
        var skipped = new AppendStep(100, "bỏ qua", applies: false);

        var rendered = await new ArticleBodyRenderer([skipped, new AppendStep(200, "chạy")]).RenderAsync("<p>Bài</p>", new ArticleBodyRenderContext(4), Ct);

        Assert.Equal("<p>Bài</p><p>chạy 4</p>", rendered);
        Assert.Equal(0, skipped.Applied);
    }

    private sealed class AppendStep(int order, string text, bool applies = true) : IArticleBodyTransform
    {
        public int Order => order;

        public int Applied { get; private set; }

        public ValueTask<bool> AppliesToAsync(string storedHtml, CancellationToken ct) => ValueTask.FromResult(applies);

        public Task ApplyAsync(IElement body, ArticleBodyRenderContext context, CancellationToken ct)
        {
            Applied++;
            var p = body.Owner!.CreateElement("p");
            p.TextContent = $"{text} {context.ArticleId}";
            body.AppendChild(p);
            return Task.CompletedTask;
        }
    }
}
