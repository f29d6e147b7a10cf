using System.Text;
using Q11Portal.Core.Users;

namespace Q11Portal.Core.Tests.Users;

public sealed class TotpTests
{
    private static readonly byte[] RfcKey = Encoding.ASCII.GetBytes("12345678901234567890");

    // RFC 6238 appendix B (SHA1), last six of the eight digits.
    [Theory]
    [InlineData(59L, 287082)]
    [InlineData(1111111109L, 81804)]
    [InlineData(1234567890L, 5924)]
    [InlineData(2000000000L, 279037)]
    public void Code_RfcTestVectors_Match(long unixSeconds, int expected) =>
        Assert.Equal(expected, Totp.Code(RfcKey, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))));

    [Fact]
    public void DecodeBase32_RfcKeyInAnyCaseWithSpaces_GivesTheBytes() =>
        Assert.Equal(RfcKey, Totp.DecodeBase32("gezd gnbv gy3t qojq GEZD GNBV GY3T QOJQ"));

    [Theory]
    [InlineData("287082", true, 287082)]
    [InlineData("287 082", true, 287082)]
    [InlineData("081804", true, 81804)]
    [InlineData("28708", false, 0)]
    [InlineData("2870821", false, 0)]
    [InlineData("28708a", false, 0)]
    [InlineData("", false, 0)]
    public void TryParse_TypedCode_AcceptsSixDigitsOnly(string typed, bool ok, int code)
    {
        Assert.Equal(ok, Totp.TryParse(typed, out var parsed));
        Assert.Equal(code, parsed);
    }

    [Fact]
    public void MatchingStep_CodeOfNeighbourStep_FoundWithinDriftOnly()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var step = Totp.StepAt(now);

        Assert.Equal(step + 1, Totp.MatchingStep(RfcKey, Totp.Code(RfcKey, step + 1), now, drift: 1));
        Assert.Equal(step - 1, Totp.MatchingStep(RfcKey, Totp.Code(RfcKey, step - 1), now, drift: 1));
        Assert.Null(Totp.MatchingStep(RfcKey, Totp.Code(RfcKey, step + 3), now, drift: 1));
    }
}
