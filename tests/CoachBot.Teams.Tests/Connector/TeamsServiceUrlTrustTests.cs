using CoachBot.Teams.Connector;
using Microsoft.Extensions.Options;

namespace CoachBot.Teams.Tests.Connector;

public sealed class TeamsServiceUrlTrustTests
{
    private static TeamsServiceUrlTrust Trust(TeamsCloud cloud = TeamsCloud.Public, bool loopback = false) =>
        new(Options.Create(new TeamsOptions { AppId = "app-1", Cloud = cloud, AllowLoopbackServiceUrls = loopback }));

    [Fact]
    public void A_trusted_url_matches_regardless_of_host_case_and_trailing_slash()
    {
        var trust = Trust();
        trust.Trust(new Uri("https://SMBA.trafficmanager.net/amer/"));

        Assert.True(trust.IsTrusted(new Uri("https://smba.trafficmanager.net/amer")));
        Assert.False(trust.IsTrusted(new Uri("https://smba.trafficmanager.net/emea/")));
        Assert.False(trust.IsTrusted(new Uri("https://evil.example.net/amer/")));
        Assert.False(trust.IsTrusted(new Uri("http://smba.trafficmanager.net/amer/")));
    }

    [Fact]
    public void Stored_reference_urls_become_trusted()
    {
        var trust = Trust();
        var url = new Uri("https://smba.trafficmanager.net/apac/");

        Assert.True(trust.TrustStored(url));

        Assert.True(trust.IsTrusted(url));
    }

    [Theory]
    [InlineData(TeamsCloud.Public, "https://smba.trafficmanager.net/emea/")]
    [InlineData(TeamsCloud.Public, "https://europe.webchat.botframework.com/")]
    [InlineData(TeamsCloud.Gcc, "https://smba.infra.gcc.teams.microsoft.com/teams")]
    [InlineData(TeamsCloud.GccHigh, "https://smba.infra.gov.teams.microsoft.us/teams")]
    [InlineData(TeamsCloud.DoD, "https://smba.infra.dod.teams.microsoft.us/teams")]
    public void IsAllowedHost_MicrosoftServiceHostOfTheCloud_IsAllowed(TeamsCloud cloud, string url) =>
        Assert.True(Trust(cloud).IsAllowedHost(new Uri(url)));

    [Theory]
    [InlineData(TeamsCloud.Public, "https://attacker.example/emea/")]
    [InlineData(TeamsCloud.Public, "https://smba.trafficmanager.net.attacker.example/emea/")]
    [InlineData(TeamsCloud.Public, "https://evil-smba.trafficmanager.net/emea/")]
    [InlineData(TeamsCloud.Public, "https://botframework.com.attacker.example/")]
    [InlineData(TeamsCloud.Public, "http://smba.trafficmanager.net/emea/")]
    [InlineData(TeamsCloud.Public, "https://smba.trafficmanager.net:8443/emea/")]
    [InlineData(TeamsCloud.Public, "https://user@smba.trafficmanager.net/emea/")]
    [InlineData(TeamsCloud.Public, "https://127.0.0.1:5000/")]
    [InlineData(TeamsCloud.Public, "https://smba.infra.gov.teams.microsoft.us/teams")]
    [InlineData(TeamsCloud.GccHigh, "https://smba.trafficmanager.net/emea/")]
    public void IsAllowedHost_AnyOtherHost_IsRefused(TeamsCloud cloud, string url)
    {
        var trust = Trust(cloud);
        var uri = new Uri(url);

        trust.Trust(uri);

        Assert.False(trust.IsAllowedHost(uri));
        Assert.False(trust.IsTrusted(uri));
        Assert.False(trust.TrustStored(uri));
    }

    [Fact]
    public void IsAllowedHost_LoopbackWithTheTestSetting_IsAllowed()
    {
        Assert.True(Trust(loopback: true).IsAllowedHost(new Uri("http://127.0.0.1:5000/")));
        Assert.False(Trust().IsAllowedHost(new Uri("http://127.0.0.1:5000/")));
    }

    [Theory]
    [InlineData("", "https://login.microsoftonline.com/botframework.com")]
    [InlineData("contoso-tenant", "https://login.microsoftonline.com/contoso-tenant")]
    public void Token_authority_fills_in_the_tenant(string tenant, string expected)
    {
        var options = new TeamsOptions { TenantId = tenant };

        Assert.Equal(expected, MsalTeamsAccessTokenProvider.ResolveAuthority(options));
    }

    [Fact]
    public void ResolveAuthority_GovernmentCloud_UsesTheUsLoginHost() =>
        Assert.Equal(
            "https://login.microsoftonline.us/contoso-tenant",
            MsalTeamsAccessTokenProvider.ResolveAuthority(new TeamsOptions { TenantId = "contoso-tenant", Cloud = TeamsCloud.GccHigh }));
}
