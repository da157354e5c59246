using CoachBot.Teams.Connector;
using CoachBot.Teams.Protocol;

namespace CoachBot.Teams.Tests.Connector;

public sealed class TeamsConnectorClientTests : IAsyncLifetime
{
    private const string ConversationId = "a:1xYz;messageid=42";
    private FakeConnector.FakeConnector _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeConnector.FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private static Activity Message(string text) => new() { Type = "message", Text = text };

    [Fact]
    public async Task Send_posts_the_activity_with_a_bearer_token_and_returns_the_id()
    {
        using var kit = new ConnectorTestKit();
        kit.Trust.Trust(_fake.ServiceUrl);

        var id = await kit.Client.SendAsync(_fake.ServiceUrl, ConversationId, Message("hello"), CancellationToken.None);

        var request = Assert.Single(_fake.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(ConversationId, request.ConversationId);
        Assert.Equal($"/v3/conversations/{ConversationId}/activities", request.Path);
        Assert.Equal("hello", request.Body?["text"]?.GetValue<string>());
        Assert.Equal("message", request.Body?["type"]?.GetValue<string>());
        Assert.Null(request.Body?["id"]);
        Assert.Equal($"Bearer {StubTokenProvider.Token}", request.Authorization);
        Assert.StartsWith("activity-", id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_posts_to_the_replied_activity()
    {
        using var kit = new ConnectorTestKit();
        kit.Trust.Trust(_fake.ServiceUrl);

        var id = await kit.Client.ReplyAsync(_fake.ServiceUrl, ConversationId, "1:activity/9", Message("hi"), CancellationToken.None);

        var request = Assert.Single(_fake.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(ConversationId, request.ConversationId);
        Assert.Equal("1:activity/9", request.ActivityId);
        Assert.Equal($"Bearer {StubTokenProvider.Token}", request.Authorization);
        Assert.NotNull(id);
    }

    [Fact]
    public async Task Update_puts_the_activity()
    {
        using var kit = new ConnectorTestKit();
        kit.Trust.Trust(_fake.ServiceUrl);

        await kit.Client.UpdateAsync(_fake.ServiceUrl, ConversationId, "act-7", Message("edited"), CancellationToken.None);

        var request = Assert.Single(_fake.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("act-7", request.ActivityId);
        Assert.Equal("edited", request.Body?["text"]?.GetValue<string>());
        Assert.Equal($"Bearer {StubTokenProvider.Token}", request.Authorization);
    }

    [Fact]
    public async Task CreatePersonalConversation_posts_bot_member_and_tenant_and_returns_the_conversation_id()
    {
        using var kit = new ConnectorTestKit();
        kit.Trust.Trust(_fake.ServiceUrl);

        var id = await kit.Client.CreatePersonalConversationAsync(_fake.ServiceUrl, "tenant-1", "28:bot", "29:user", CancellationToken.None);

        var request = Assert.Single(_fake.Requests);
        Assert.Equal("/v3/conversations", request.Path);
        Assert.Equal("28:bot", request.Body?["bot"]?["id"]?.GetValue<string>());
        Assert.Equal("29:user", request.Body?["members"]?[0]?["id"]?.GetValue<string>());
        Assert.False(request.Body?["isGroup"]?.GetValue<bool>());
        Assert.Equal("tenant-1", request.Body?["tenantId"]?.GetValue<string>());
        Assert.Equal("tenant-1", request.Body?["channelData"]?["tenant"]?["id"]?.GetValue<string>());
        Assert.Equal($"Bearer {StubTokenProvider.Token}", request.Authorization);
        Assert.StartsWith("a:conv-", id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_untrusted_service_url_gets_no_request_and_no_token()
    {
        using var kit = new ConnectorTestKit();

        var ex = await Assert.ThrowsAsync<TeamsConnectorException>(
            () => kit.Client.SendAsync(_fake.ServiceUrl, ConversationId, Message("x"), CancellationToken.None));

        Assert.Equal(0, ex.StatusCode);
        Assert.Contains("never seen in a validated Teams activity", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Requests);
        Assert.Equal(0, kit.Tokens.Calls);
    }

    [Fact]
    public async Task Loopback_in_local_mode_gets_no_authorization_header()
    {
        using var kit = new ConnectorTestKit(appId: null);

        await kit.Client.SendAsync(_fake.ServiceUrl, ConversationId, Message("local"), CancellationToken.None);

        var request = Assert.Single(_fake.Requests);
        Assert.Null(request.Authorization);
        Assert.Equal(0, kit.Tokens.Calls);
    }

    [Fact]
    public async Task Local_mode_refuses_a_remote_service_url()
    {
        using var kit = new ConnectorTestKit(appId: null);

        var ex = await Assert.ThrowsAsync<TeamsConnectorException>(
            () => kit.Client.SendAsync(new Uri("https://smba.example.net/amer/"), ConversationId, Message("x"), CancellationToken.None));

        Assert.Contains("Teams:AppId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_is_refused_for_a_remote_service_url_even_when_trusted()
    {
        using var kit = new ConnectorTestKit();
        var url = new Uri("http://smba.example.net/amer/");
        kit.Trust.Trust(url);

        var ex = await Assert.ThrowsAsync<TeamsConnectorException>(
            () => kit.Client.SendAsync(url, ConversationId, Message("x"), CancellationToken.None));

        Assert.Contains("https", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, kit.Tokens.Calls);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task Other_failures_are_not_retried(int status)
    {
        using var kit = new ConnectorTestKit();
        kit.Trust.Trust(_fake.ServiceUrl);
        _fake.FailNext(status);

        var ex = await Assert.ThrowsAsync<TeamsConnectorException>(
            () => kit.Client.SendAsync(_fake.ServiceUrl, ConversationId, Message("x"), CancellationToken.None));

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(status is 403 or 404, ex.IsPermanent);
        Assert.Single(_fake.Requests);
        Assert.DoesNotContain(StubTokenProvider.Token, ex.Message, StringComparison.Ordinal);
    }
}
