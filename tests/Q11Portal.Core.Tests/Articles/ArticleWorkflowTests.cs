using Q11Portal.Core.Articles;
using Q11Portal.Core.Users;

namespace Q11Portal.Core.Tests.Articles;

public sealed class ArticleWorkflowTests
{
    [Theory]
    // Reporter: writes and submits own work, never publishes.
    [InlineData(ArticleStatus.Draft, ArticleAction.Submit, Roles.Reporter, true, WorkflowOutcome.Allowed, ArticleStatus.Submitted)]
    [InlineData(ArticleStatus.Returned, ArticleAction.Submit, Roles.Reporter, true, WorkflowOutcome.Allowed, ArticleStatus.Submitted)]
    [InlineData(ArticleStatus.Submitted, ArticleAction.Withdraw, Roles.Reporter, true, WorkflowOutcome.Allowed, ArticleStatus.Draft)]
    [InlineData(ArticleStatus.Draft, ArticleAction.Edit, Roles.Reporter, true, WorkflowOutcome.Allowed, ArticleStatus.Draft)]
    [InlineData(ArticleStatus.Submitted, ArticleAction.Edit, Roles.Reporter, true, WorkflowOutcome.Forbidden, null)]
    [InlineData(ArticleStatus.Published, ArticleAction.Edit, Roles.Reporter, true, WorkflowOutcome.Forbidden, null)]
    [InlineData(ArticleStatus.Draft, ArticleAction.Edit, Roles.Reporter, false, WorkflowOutcome.Forbidden, null)]
    [InlineData(ArticleStatus.Submitted, ArticleAction.Publish, Roles.Reporter, true, WorkflowOutcome.Forbidden, null)]
    [InlineData(ArticleStatus.Draft, ArticleAction.Schedule, Roles.Reporter, true, WorkflowOutcome.Forbidden, null)]
    [InlineData(ArticleStatus.Submitted, ArticleAction.Return, Roles.Reporter, true, WorkflowOutcome.Forbidden, null)]
    [InlineData(ArticleStatus.Published, ArticleAction.Unpublish, Roles.Reporter, true, WorkflowOutcome.Forbidden, null)]
    [InlineData(ArticleStatus.Draft, ArticleAction.Delete, Roles.Reporter, true, WorkflowOutcome.Allowed, ArticleStatus.Trashed)]
    [InlineData(ArticleStatus.Unpublished, ArticleAction.Delete, Roles.Editor, false, WorkflowOutcome.Allowed, ArticleStatus.Trashed)]
    // Editor: everything the table allows, on anyone's article.
    [InlineData(ArticleStatus.Submitted, ArticleAction.Return, Roles.Editor, false, WorkflowOutcome.Allowed, ArticleStatus.Returned)]
    [InlineData(ArticleStatus.Submitted, ArticleAction.Publish, Roles.Editor, false, WorkflowOutcome.Allowed, ArticleStatus.Published)]
    [InlineData(ArticleStatus.Submitted, ArticleAction.Schedule, Roles.Editor, false, WorkflowOutcome.Allowed, ArticleStatus.Scheduled)]
    [InlineData(ArticleStatus.Published, ArticleAction.Unpublish, Roles.Editor, false, WorkflowOutcome.Allowed, ArticleStatus.Unpublished)]
    [InlineData(ArticleStatus.Unpublished, ArticleAction.Publish, Roles.Editor, false, WorkflowOutcome.Allowed, ArticleStatus.Published)]
    [InlineData(ArticleStatus.Published, ArticleAction.Edit, Roles.Editor, false, WorkflowOutcome.Allowed, ArticleStatus.Published)]
    // State rules, whatever the role.
    [InlineData(ArticleStatus.Published, ArticleAction.Publish, Roles.Admin, false, WorkflowOutcome.InvalidState, null)]
    [InlineData(ArticleStatus.Draft, ArticleAction.Return, Roles.Editor, false, WorkflowOutcome.InvalidState, null)]
    [InlineData(ArticleStatus.Draft, ArticleAction.Unpublish, Roles.Editor, false, WorkflowOutcome.InvalidState, null)]
    [InlineData(ArticleStatus.Published, ArticleAction.Delete, Roles.Admin, false, WorkflowOutcome.InvalidState, null)]
    // In the trash nothing moves but through ArticleTrash (restore, purge).
    [InlineData(ArticleStatus.Trashed, ArticleAction.Edit, Roles.Admin, false, WorkflowOutcome.InvalidState, null)]
    [InlineData(ArticleStatus.Trashed, ArticleAction.Publish, Roles.Admin, false, WorkflowOutcome.InvalidState, null)]
    [InlineData(ArticleStatus.Trashed, ArticleAction.Delete, Roles.Admin, false, WorkflowOutcome.InvalidState, null)]
    [InlineData(ArticleStatus.Published, ArticleAction.Submit, Roles.Editor, false, WorkflowOutcome.InvalidState, null)]
    [InlineData(ArticleStatus.Draft, ArticleAction.Withdraw, Roles.Reporter, true, WorkflowOutcome.InvalidState, null)]
    // No staff role at all.
    [InlineData(ArticleStatus.Draft, ArticleAction.Edit, null, true, WorkflowOutcome.Forbidden, null)]
    public void Decide_FollowsTheNewsroomTable(ArticleStatus from, ArticleAction action, string? role, bool isAuthor, WorkflowOutcome outcome, ArticleStatus? to)
    {
        var decision = ArticleWorkflow.Decide(from, action, role, isAuthor);

        Assert.Equal(outcome, decision.Outcome);
        if (outcome == WorkflowOutcome.Allowed)
        {
            Assert.Equal(to, decision.NewStatus);
            Assert.Null(decision.Message);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(decision.Message));
        }
    }

    [Fact]
    public void Available_ReporterOnOwnDraft_OffersNoPublishing()
    {
        var actions = ArticleWorkflow.Available(ArticleStatus.Draft, Roles.Reporter, isAuthor: true);

        Assert.Contains(ArticleAction.Submit, actions);
        Assert.DoesNotContain(ArticleAction.Publish, actions);
        Assert.DoesNotContain(ArticleAction.Schedule, actions);
    }
}
