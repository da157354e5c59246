using CoachBot.Teams.Connector;
using Microsoft.Extensions.Options;

namespace CoachBot.Teams.Tests.Connector;

public sealed class MsalTeamsAccessTokenProviderTests
{
    [Fact]
    public async Task GetTokenAsync_TokenEndpointUnreachable_ThrowsARetryableConnectorFailure()
    {
        var provider = new MsalTeamsAccessTokenProvider(Options.Create(new TeamsOptions
        {
            AppId = "6a1b2c3d-1111-2222-3333-444455556666",
            AppPassword = "not-a-real-secret",
            TenantId = "a1b2c3d4-0000-4000-8000-000000000001",
            TokenAuthority = ClosedPort.UnreachableAuthority(),
        }));

        var ex = await Assert.ThrowsAsync<TeamsConnectorException>(() => provider.GetTokenAsync(CancellationToken.None));

        Assert.Equal(0, ex.StatusCode);
        Assert.True(ex.IsWorthRetrying);
        Assert.DoesNotContain("not-a-real-secret", ex.Message, StringComparison.Ordinal);
    }
}
