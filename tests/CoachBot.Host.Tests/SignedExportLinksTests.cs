using System.Text;
using CoachBot.Core.Users;
using CoachBot.Host.Charts;
using CoachBot.Host.Exports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Host.Tests;

public sealed class SignedExportLinksTests
{
    private static readonly UserRef Alice = new("msteams", "tenant:1", "29:alice-abc|def");

    private static (SignedExportLinks Links, FakeTimeProvider Clock) Create(string? baseUrl = "https://coach.example.com", int minutes = 15, byte key = 0)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var charts = Options.Create(new ChartsOptions { SigningKey = Convert.ToBase64String(Enumerable.Repeat(key, 32).ToArray()), PublicBaseUrl = baseUrl });
        var signingKey = new ChartSigningKey(charts, NullLogger<ChartSigningKey>.Instance);
        return (new SignedExportLinks(signingKey, clock, charts, Options.Create(new ExportsOptions { LinkLifetimeMinutes = minutes })), clock);
    }

    [Fact]
    public void CreateToken_ReadBack_GivesUserLanguageAndExpiry()
    {
        var (links, clock) = Create(minutes: 10);

        var ticket = links.Read(links.CreateToken(Alice, "ja"));

        Assert.Equal(new ExportTicket(Alice, "ja", clock.GetUtcNow() + TimeSpan.FromMinutes(10)), ticket);
    }

    [Fact]
    public void CreateToken_NamesNoUser_ReadablyOrEncoded()
    {
        var (links, _) = Create();

        var token = links.CreateToken(Alice, "en");
        var payload = Convert.FromBase64String(ToBase64(token.Split('.')[0]));

        Assert.DoesNotContain("alice", token, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alice", Encoding.Latin1.GetString(payload), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tenant", Encoding.Latin1.GetString(payload), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_ExpiredToken_IsGenuineButExpired()
    {
        var (links, clock) = Create();
        var token = links.CreateToken(Alice, "en");

        clock.Advance(TimeSpan.FromMinutes(15));
        var ticket = links.Read(token);

        Assert.NotNull(ticket);
        Assert.True(links.IsExpired(ticket));
    }

    [Fact]
    public void Read_TokenFromAnotherKey_OrTampered_IsRejected()
    {
        var (links, _) = Create();
        var (other, _) = Create(key: 7);
        var token = links.CreateToken(Alice, "en");
        var middle = token.Length / 4;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        Assert.Null(other.Read(token));
        Assert.Null(links.Read(tampered));
        Assert.Null(links.Read("."));
        Assert.Null(links.Read(string.Empty));
    }

    [Fact]
    public void TryCreate_WithoutPublicBaseUrl_IsNull_AndWithOne_IsAbsoluteUnderExports()
    {
        var (relative, _) = Create(baseUrl: null);
        var (absolute, _) = Create(baseUrl: "https://coach.example.com/");

        var link = absolute.TryCreate(Alice, "en");

        Assert.Null(relative.TryCreate(Alice, "en"));
        Assert.NotNull(link);
        Assert.StartsWith("https://coach.example.com/exports/", link.Url, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(15), link.Lifetime);
    }

    private static string ToBase64(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
    }
}
