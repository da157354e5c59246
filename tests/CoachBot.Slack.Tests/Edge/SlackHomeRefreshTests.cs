using System.Net;
using CoachBot.Core.Users;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Slack.Tests.Edge;

/// <summary>
/// The App Home is published again after a command that changed something, not after one that only showed something:
/// each publish costs a dozen storage reads and one call of a rate-limited Slack method.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class SlackHomeRefreshTests : IAsyncLifetime
{
    private const string Alice = "U0HOMEREF";

    private readonly AzuriteFixture _azurite;
    private SlackHost _host = null!;

    public SlackHomeRefreshTests(AzuriteFixture azurite) => _azurite = azurite;

    public async Task InitializeAsync()
    {
        _host = await SlackHost.StartAsync(_azurite);
        await _host.Services.GetRequiredService<IUserStore>().SaveAsync(
            new UserProfile { User = new UserRef("slack", SlackHost.Team, Alice), Role = "manager", CareerPath = "internal", Onboarding = OnboardingStep.Complete },
            CancellationToken.None);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ReadOnlyCommands_PublishNothing_ALoggedPracticePublishesOnce()
    {
        foreach (var text in new[] { "progress", "1on1 agenda", "help", "missions" })
        {
            await CommandAsync(text);
        }

        // Longer than the refresher's debounce, so a publish scheduled by any of them would have gone out by now.
        await Task.Delay(SlackHomeRefresherDebounce * 3);
        Assert.Empty(_host.Slack.CallsTo("views.publish"));

        await CommandAsync("done Asked Mia what slows her down");

        await _host.Slack.WaitForCallAsync("views.publish");
        Assert.Single(_host.Slack.CallsTo("views.publish"));
    }

    private static TimeSpan SlackHomeRefresherDebounce => CoachBot.Slack.Inbound.SlackHomeRefresher.Debounce;

    private async Task CommandAsync(string text)
    {
        using var response = await _host.PostCommandAsync(SlackPayloads.Command(Alice, text, _host.Slack.ResponseUrl("cmd").ToString(), triggerId: $"trigger-{Guid.NewGuid():N}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
