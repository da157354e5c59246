using CoachBot.Teams.Connector;

namespace CoachBot.Teams.Tests.Connector;

public sealed class TeamsServiceUrlTrustTests
{
    [Fact]
    public void A_trusted_url_matches_regardless_of_host_case_and_trailing_slash()
    {
        var trust = new TeamsServiceUrlTrust();
        trust.Trust(new Uri("https://SMBA.trafficmanager.net/amer/"));

        Assert.True(trust.IsTrusted(new Uri("https://smba.trafficmanager.net/amer")));
        Assert.False(trust.IsTrusted(new Uri("https://smba.trafficmanager.net/emea/")));
        Assert.False(trust.IsTrusted(new Uri("https://evil.example.net/amer/")));
        Assert.False(trust.IsTrusted(new Uri("http://smba.trafficmanager.net/amer/")));
    }

    [Fact]
    public void Stored_reference_urls_become_trusted()
    {
        var trust = new TeamsServiceUrlTrust();
        var url = new Uri("https://smba.trafficmanager.net/apac/");

        trust.TrustStored(url);

        Assert.True(trust.IsTrusted(url));
    }

    [Theory]
    [InlineData("", "https://login.microsoftonline.com/botframework.com")]
    [InlineData("contoso-tenant", "https://login.microsoftonline.com/contoso-tenant")]
    public void Token_authority_fills_in_the_tenant(string tenant, string expected)
    {
        var options = new TeamsOptions { TenantId = tenant };

        Assert.Equal(expected, MsalTeamsAccessTokenProvider.ResolveAuthority(options));
    }
}
