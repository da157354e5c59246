using System.Text;
using CoachBot.Slack.Inbound;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoachBot.Slack.Tests.Edge;

public sealed class SlackSignatureVerifierTests
{
    // Slack's published example ("Verifying requests from Slack"): a slash command body signed at 1531420618.
    private const string VectorSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string VectorTimestamp = "1531420618";
    private const string VectorSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const string VectorBody =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar" +
        "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com" +
        "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(VectorBody);

    [Fact]
    public void PublishedVector_IsValid()
    {
        var verifier = Verifier(VectorSecret, AtVector());

        Assert.Equal(SlackSignatureCheck.Valid, verifier.Verify(VectorSignature, VectorTimestamp, Body));
        Assert.Equal(VectorSignature, SlackSignatureVerifier.Sign(VectorSecret, VectorTimestamp, Body));
    }

    [Fact]
    public void TamperedBody_IsRejected()
    {
        var tampered = Encoding.UTF8.GetBytes(VectorBody.Replace("roadrunner", "coyote", StringComparison.Ordinal));

        Assert.Equal(SlackSignatureCheck.BadSignature, Verifier(VectorSecret, AtVector()).Verify(VectorSignature, VectorTimestamp, tampered));
    }

    [Fact]
    public void WrongSecret_IsRejected() =>
        Assert.Equal(SlackSignatureCheck.BadSignature, Verifier("another-secret", AtVector()).Verify(VectorSignature, VectorTimestamp, Body));

    [Theory]
    [InlineData(-6 * 60)]
    [InlineData(6 * 60)]
    [InlineData(-301)]
    public void TimestampMoreThanFiveMinutesAway_IsRejected(int offsetSeconds)
    {
        var clock = AtVector(TimeSpan.FromSeconds(-offsetSeconds));

        Assert.Equal(SlackSignatureCheck.StaleTimestamp, Verifier(VectorSecret, clock).Verify(VectorSignature, VectorTimestamp, Body));
    }

    [Theory]
    [InlineData(-299)]
    [InlineData(299)]
    public void TimestampWithinFiveMinutes_IsAccepted(int offsetSeconds)
    {
        var clock = AtVector(TimeSpan.FromSeconds(offsetSeconds));

        Assert.Equal(SlackSignatureCheck.Valid, Verifier(VectorSecret, clock).Verify(VectorSignature, VectorTimestamp, Body));
    }

    [Theory]
    [InlineData(null, VectorTimestamp, SlackSignatureCheck.MissingHeaders)]
    [InlineData(VectorSignature, null, SlackSignatureCheck.MissingHeaders)]
    [InlineData(VectorSignature, "not-a-number", SlackSignatureCheck.StaleTimestamp)]
    [InlineData(VectorSignature, "99999999999999999999", SlackSignatureCheck.StaleTimestamp)]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", VectorTimestamp, SlackSignatureCheck.BadSignature)]
    [InlineData("v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503", VectorTimestamp, SlackSignatureCheck.BadSignature)]
    [InlineData("v0=", VectorTimestamp, SlackSignatureCheck.BadSignature)]
    public void MalformedHeaders_AreRejected(string? signature, string? timestamp, SlackSignatureCheck expected) =>
        Assert.Equal(expected, Verifier(VectorSecret, AtVector()).Verify(signature, timestamp, Body));

    [Fact]
    public void NoSecretConfigured_RejectsEverything() =>
        Assert.Equal(SlackSignatureCheck.NoSecret, Verifier(null, AtVector()).Verify(VectorSignature, VectorTimestamp, Body));

    /// <summary>A clock at the vector's timestamp, moved by <paramref name="offset"/> (a positive offset: the server is ahead).</summary>
    private static FakeTimeProvider AtVector(TimeSpan offset = default) =>
        new(DateTimeOffset.FromUnixTimeSeconds(long.Parse(VectorTimestamp, System.Globalization.CultureInfo.InvariantCulture)) + offset);

    private static SlackSignatureVerifier Verifier(string? secret, TimeProvider time)
    {
        var options = new Mock<IOptionsMonitor<SlackOptions>>();
        options.Setup(o => o.CurrentValue).Returns(new SlackOptions { SigningSecret = secret });
        return new SlackSignatureVerifier(options.Object, time);
    }
}
