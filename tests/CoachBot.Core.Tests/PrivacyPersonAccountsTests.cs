using System.Text.Json;
using CoachBot.Core.Conversation;
using CoachBot.Core.Habits;
using CoachBot.Core.Privacy;
using CoachBot.Core.Users;
using Moq;

namespace CoachBot.Core.Tests;

/// <summary>
/// `export` and `forget me` of one person with accounts in several workspaces of an organisation (Slack Enterprise
/// Grid), through the real engine over in-memory stores; the channel's <see cref="IPersonAccounts"/> is a mock.
/// </summary>
public sealed class PrivacyPersonAccountsTests
{
    private const string Org = "E0ORG";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly UserRef Alice = CoachHarness.User("alice");
    private static readonly UserRef AliceElsewhere = new(Alice.Channel, "other-workspace", Alice.UserId);

    [Fact]
    public async Task Export_TurnWithoutOrganization_AsksNoPortAndHoldsNoOtherAccount()
    {
        var accounts = new Mock<IPersonAccounts>(MockBehavior.Strict);
        var harness = new CoachHarness(personAccounts: accounts.Object);
        await harness.SendAsync("done in the first workspace");

        var reply = (await harness.SendAsync("export"))[0];

        using var file = JsonDocument.Parse(Assert.Single(reply.Attachments).Content);
        Assert.Equal(0, file.RootElement.GetProperty("otherAccounts").GetArrayLength());
        Assert.DoesNotContain("workspaces", reply.Text, StringComparison.Ordinal);
        accounts.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Export_OrganizationWithAnotherAccount_FileGroupsEachAccountAndTheReplyCountsBoth()
    {
        var harness = await TwoAccountsAsync();

        var reply = (await harness.HandleAsync(Turn("export")))[0];

        using var file = JsonDocument.Parse(Assert.Single(reply.Attachments).Content);
        var root = file.RootElement;
        Assert.Equal(Alice.TenantId, root.GetProperty("user").GetProperty("tenantId").GetString());
        Assert.Equal("in the first workspace", Assert.Single(root.GetProperty("practice").EnumerateArray()).GetProperty("note").GetString());
        var other = Assert.Single(root.GetProperty("otherAccounts").EnumerateArray());
        Assert.Equal(AliceElsewhere.TenantId, other.GetProperty("user").GetProperty("tenantId").GetString());
        Assert.Equal("in the other workspace", Assert.Single(other.GetProperty("practice").EnumerateArray()).GetProperty("note").GetString());
        Assert.False(other.TryGetProperty("exportedAt", out _), "a group carries no export time of its own");
        Assert.Contains("2 practice entries", reply.Text, StringComparison.Ordinal);
        Assert.Contains("each of the 2 workspaces", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgetMe_OrganizationWithAnotherAccount_AsksWithTheCountsOfBoth()
    {
        var harness = await TwoAccountsAsync();

        var reply = (await harness.HandleAsync(Turn("forget me")))[0];

        Assert.Contains("2 practice entries", reply.Text, StringComparison.Ordinal);
        Assert.Contains("each of the 2 workspaces", reply.Text, StringComparison.Ordinal);
        Assert.Equal(2, (await harness.PracticeAsync()).Count + (await PracticeElsewhereAsync(harness)).Count);
    }

    [Fact]
    public async Task ForgetMeYes_OrganizationWithAnotherAccount_DeletesEveryAccount()
    {
        var harness = await TwoAccountsAsync();

        var reply = (await harness.HandleAsync(Turn("forget me yes")))[0];

        Assert.False(reply.IsError, reply.Text);
        Assert.Empty(await harness.PracticeAsync());
        Assert.Empty(await PracticeElsewhereAsync(harness));
        Assert.Null(await harness.Users.GetAsync(Alice, None));
        Assert.Null(await harness.Users.GetAsync(AliceElsewhere, None));
    }

    [Fact]
    public async Task Export_PortListsTheUserAgainAndTwice_EachAccountIsExportedOnce()
    {
        var accounts = new Mock<IPersonAccounts>();
        accounts.Setup(a => a.ListOthersAsync(Alice, Org, It.IsAny<CancellationToken>())).ReturnsAsync([Alice, AliceElsewhere, AliceElsewhere]);
        var harness = new CoachHarness(personAccounts: accounts.Object);

        var reply = (await harness.HandleAsync(Turn("export")))[0];

        using var file = JsonDocument.Parse(Assert.Single(reply.Attachments).Content);
        Assert.Equal(1, file.RootElement.GetProperty("otherAccounts").GetArrayLength());
    }

    /// <summary>Alice with practice in her workspace and in another one of her organisation.</summary>
    private static async Task<CoachHarness> TwoAccountsAsync()
    {
        var accounts = new Mock<IPersonAccounts>();
        accounts.Setup(a => a.ListOthersAsync(Alice, Org, It.IsAny<CancellationToken>())).ReturnsAsync([AliceElsewhere]);
        var harness = new CoachHarness(personAccounts: accounts.Object);
        await harness.SendAsync("done in the first workspace");
        await harness.HandleAsync(new IncomingTurn { User = AliceElsewhere, Text = "done in the other workspace", TurnId = "elsewhere-1" });
        return harness;
    }

    private static Task<IReadOnlyList<PracticeEntry>> PracticeElsewhereAsync(CoachHarness harness) =>
        harness.Progress.ListAsync(AliceElsewhere, DateOnly.MinValue, DateOnly.MaxValue, None);

    private static IncomingTurn Turn(string text) =>
        new() { User = Alice, Text = text, TurnId = "turn-" + Guid.NewGuid().ToString("N"), OrganizationId = Org };
}
