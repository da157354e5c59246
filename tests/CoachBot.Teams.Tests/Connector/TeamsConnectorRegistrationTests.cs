using CoachBot.Core.Delivery;
using CoachBot.Core.Installations;
using CoachBot.Core.Users;
using CoachBot.Teams.Cards;
using CoachBot.Teams.Connector;
using CoachBot.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CoachBot.Teams.Tests.Connector;

public sealed class TeamsConnectorRegistrationTests
{
    [Fact]
    public void AddTeamsConnector_registers_the_client_the_trust_and_the_msteams_sender()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConversationReferenceStore, InMemoryConversationReferenceStore>()
            .AddSingleton<IUserStore, InMemoryUserStore>()
            .AddSingleton<CoachBot.Core.Reflections.IReflectionStore, InMemoryReflectionStore>()
            .AddSingleton<CoachBot.Core.Reflections.ITeamChannelAddressStore, InMemoryTeamChannelAddressStore>()
            .AddSingleton(Mock.Of<IAdaptiveCardRenderer>());
        services.AddOptions<TeamsOptions>();

        using var provider = services.AddTeamsConnector().BuildServiceProvider();

        Assert.IsType<TeamsConnectorClient>(provider.GetRequiredService<ITeamsConnectorClient>());
        Assert.IsType<MsalTeamsAccessTokenProvider>(provider.GetRequiredService<ITeamsAccessTokenProvider>());
        Assert.Same(provider.GetRequiredService<TeamsServiceUrlTrust>(), provider.GetRequiredService<TeamsServiceUrlTrust>());
        Assert.Contains(provider.GetServices<IChannelSender>(), s => s.Channel == "msteams");
    }

    [Fact]
    public async Task The_msal_provider_without_credentials_says_which_settings_to_set()
    {
        var provider = new MsalTeamsAccessTokenProvider(Microsoft.Extensions.Options.Options.Create(new TeamsOptions()));

        var ex = await Assert.ThrowsAsync<TeamsConnectorException>(() => provider.GetTokenAsync(CancellationToken.None));

        Assert.Contains("Teams:AppPassword", ex.Message, StringComparison.Ordinal);
    }
}
