using System.ComponentModel.DataAnnotations;
using Q11Portal.Core.Comments;

namespace Q11Portal.Core.Tests.Comments;

public sealed class CommentOptionsTests
{
    private static List<ValidationResult> Validate(CommentOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Defaults_AreValid() => Assert.Empty(Validate(new CommentOptions()));

    [Fact]
    public void ShortOrInvalidSecret_IsRefused()
    {
        Assert.NotEmpty(Validate(new CommentOptions { SecretKey = Convert.ToBase64String(new byte[16]) }));
        Assert.NotEmpty(Validate(new CommentOptions { SecretKey = "not-base64!" }));
        Assert.Empty(Validate(new CommentOptions { SecretKey = Convert.ToBase64String(new byte[32]) }));
    }

    [Fact]
    public void InconsistentLimits_AreRefused()
    {
        Assert.NotEmpty(Validate(new CommentOptions { BodyMinLength = 50, BodyMaxLength = 20 }));
        Assert.NotEmpty(Validate(new CommentOptions { MinFormAgeSeconds = 600, MaxFormAgeMinutes = 5 }));
        Assert.NotEmpty(Validate(new CommentOptions { BodyMaxLength = 0 }));
        Assert.NotEmpty(Validate(new CommentOptions { BlockedWords = ["ok", " "] }));
    }
}
