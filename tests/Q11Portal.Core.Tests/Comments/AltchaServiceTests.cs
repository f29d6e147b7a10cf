using System.Text;
using System.Text.Json;
using Q11Portal.Core.Comments;

namespace Q11Portal.Core.Tests.Comments;

public sealed class AltchaServiceTests
{
    private static AltchaService Create(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, CommentSecrets? secrets = null) =>
        new(secrets ?? CommentTestData.Secrets(), CommentTestData.Options(o => o.AltchaMaxNumber = 2000), clock);

    [Fact]
    public void Verify_SolvedChallenge_IsValid()
    {
        var clock = CommentTestData.Clock();
        var altcha = Create(clock);
        var challenge = altcha.CreateChallenge();

        var result = altcha.Verify(AltchaService.Solve(challenge));

        Assert.True(result.IsValid);
        Assert.Equal(challenge.Challenge, result.Challenge);
        Assert.Equal("SHA-256", challenge.Algorithm);
        Assert.Contains("?expires=", challenge.Salt);
    }

    [Fact]
    public void Verify_ChallengeSignedByAnotherKey_IsRefused()
    {
        var clock = CommentTestData.Clock();
        var payload = AltchaService.Solve(Create(clock).CreateChallenge());

        Assert.Equal(AltchaFailure.BadSignature, Create(clock).Verify(payload).Failure);
    }

    [Fact]
    public void Verify_WrongNumber_IsRefused()
    {
        var clock = CommentTestData.Clock();
        var altcha = Create(clock);
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Convert.FromBase64String(AltchaService.Solve(altcha.CreateChallenge())))!;
        var changed = new Dictionary<string, object>
        {
            ["algorithm"] = payload["algorithm"].GetString()!,
            ["challenge"] = payload["challenge"].GetString()!,
            ["number"] = payload["number"].GetInt64() + 1,
            ["salt"] = payload["salt"].GetString()!,
            ["signature"] = payload["signature"].GetString()!,
        };

        Assert.Equal(AltchaFailure.WrongNumber, altcha.Verify(Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(changed))).Failure);
    }

    [Fact]
    public void Verify_AfterChallengeLifetime_IsExpired()
    {
        var clock = CommentTestData.Clock();
        var altcha = Create(clock);
        var payload = AltchaService.Solve(altcha.CreateChallenge());

        clock.Advance(TimeSpan.FromMinutes(new CommentOptions().AltchaChallengeMinutes + 1));

        Assert.Equal(AltchaFailure.Expired, altcha.Verify(payload).Failure);
    }

    [Theory]
    [InlineData(null, AltchaFailure.Missing)]
    [InlineData("", AltchaFailure.Missing)]
    [InlineData("not base64 !!", AltchaFailure.Malformed)]
    [InlineData("bnVsbA==", AltchaFailure.Malformed)] // "null"
    [InlineData("e30=", AltchaFailure.Malformed)] // "{}"
    [InlineData("eyJudW1iZXIiOiJ4In0=", AltchaFailure.Malformed)] // {"number":"x"}
    public void Verify_BrokenPayload_IsRefusedWithoutThrowing(string? payload, AltchaFailure failure) =>
        Assert.Equal(failure, Create(CommentTestData.Clock()).Verify(payload).Failure);

    [Fact]
    public void Verify_HugePayload_IsMalformed() =>
        Assert.Equal(AltchaFailure.Malformed, Create(CommentTestData.Clock()).Verify(Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('a', 100_000)))).Failure);
}
