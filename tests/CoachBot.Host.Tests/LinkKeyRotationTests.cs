using CoachBot.Core.Users;
using CoachBot.Host.Charts;
using CoachBot.Host.Exports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Host.Tests;

/// <summary>
/// Rotating <c>Charts:SigningKey</c> with <c>Charts:PreviousSigningKey</c>: links signed before the rotation keep
/// working until they expire, new links use the new key, and once the previous key is removed the old links stop.
/// </summary>
public sealed class LinkKeyRotationTests
{
    private static readonly UserRef Alice = new("slack", "T1", "U1");
    private static readonly string OldKey = Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray());
    private static readonly string NewKey = Convert.ToBase64String(Enumerable.Repeat((byte)2, 32).ToArray());

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private static IOptions<ChartsOptions> Charts(string current, string? previous = null) =>
        Options.Create(new ChartsOptions { SigningKey = current, PreviousSigningKey = previous, PublicBaseUrl = "https://coach.example.com" });

    private SignedProgressChartLinks ChartLinks(IOptions<ChartsOptions> options) =>
        new(new ChartSigningKey(options, NullLogger<ChartSigningKey>.Instance), _clock, options);

    private SignedExportLinks ExportLinks(IOptions<ChartsOptions> options) =>
        new(new ChartSigningKey(options, NullLogger<ChartSigningKey>.Instance), _clock, options, Options.Create(new ExportsOptions()));

    [Fact]
    public void ChartLink_SignedBeforeTheRotation_OpensDuringIt_UntilItExpires()
    {
        var before = ChartLinks(Charts(OldKey)).CreateToken(Alice, "en");
        var during = ChartLinks(Charts(NewKey, previous: OldKey));

        _clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(Alice, during.Read(before)?.User);

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(during.Read(before));
    }

    [Fact]
    public void ChartLink_MadeDuringTheRotation_IsSignedWithTheNewKey()
    {
        var during = ChartLinks(Charts(NewKey, previous: OldKey)).CreateToken(Alice, "en");

        Assert.Null(ChartLinks(Charts(OldKey)).Read(during));
        Assert.Equal(Alice, ChartLinks(Charts(NewKey)).Read(during)?.User);
    }

    [Fact]
    public void ChartLink_OfTheOldKey_StopsOnceThePreviousKeyIsRemoved()
    {
        var before = ChartLinks(Charts(OldKey)).CreateToken(Alice, "en");

        Assert.Null(ChartLinks(Charts(NewKey)).Read(before));
    }

    [Fact]
    public void ExportLink_SignedBeforeTheRotation_DecryptsDuringIt()
    {
        var before = ExportLinks(Charts(OldKey)).CreateToken(Alice, "ja");
        var during = ExportLinks(Charts(NewKey, previous: OldKey));

        var ticket = during.Read(before);

        Assert.Equal(new ExportTicket(Alice, "ja", _clock.GetUtcNow() + new ExportsOptions().LinkLifetime), ticket);
        Assert.Null(ExportLinks(Charts(NewKey)).Read(before));
    }

    [Fact]
    public void ExportLink_MadeDuringTheRotation_ReadsWithTheNewKeyAlone()
    {
        var during = ExportLinks(Charts(NewKey, previous: OldKey)).CreateToken(Alice, "en");

        Assert.Equal(Alice, ExportLinks(Charts(NewKey)).Read(during)?.User);
        Assert.Null(ExportLinks(Charts(OldKey)).Read(during));
    }

    [Fact]
    public void Validator_PreviousKeyWithoutCurrent_IsRefusedWithTheFix()
    {
        var result = new ChartsOptionsValidator().Validate(null, new ChartsOptions { PreviousSigningKey = OldKey });

        Assert.True(result.Failed);
        Assert.Contains("Charts:PreviousSigningKey is set but Charts:SigningKey is not", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_ShortPreviousKey_NamesThatSetting()
    {
        var result = new ChartsOptionsValidator().Validate(null, new ChartsOptions { SigningKey = NewKey, PreviousSigningKey = "AAAAAAAAAAAAAAAAAAAAAA==" });

        Assert.True(result.Failed);
        Assert.Contains("Charts:PreviousSigningKey is 16 bytes", result.FailureMessage, StringComparison.Ordinal);
    }
}
