using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Xunit.Sdk;

namespace CoachBot.Slack.Tests.FakeSlack;

public sealed class FakeSlackApiTests : IAsyncLifetime
{
    private static readonly HttpClient Http = new();
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public void BaseUrl_IsLoopbackApiPath()
    {
        Assert.Equal("127.0.0.1", _slack.BaseUrl.Host);
        Assert.EndsWith("/api/", _slack.BaseUrl.AbsolutePath, StringComparison.Ordinal);
        Assert.NotEqual(0, _slack.BaseUrl.Port);
    }

    [Fact]
    public async Task FormPost_IsRecordedAsStringFields_WithBasicClientId()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_slack.BaseUrl, "oauth.v2.access"))
        {
            Content = new FormUrlEncodedContent([new("code", "abc")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("cid:secret")));

        using var response = await Http.SendAsync(request);

        var call = Assert.Single(_slack.Calls);
        Assert.Equal("basic:cid", call.Token);
        Assert.Equal("abc", (string?)call.Body["code"]);
        Assert.False(call.Succeeded);
        Assert.Contains("invalid_code", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailNext_AnswersTheStatusAndRetryAfter_ThenDefaults()
    {
        _slack.FailNext("chat.postMessage", 429, retryAfterSeconds: 7);

        using var first = await PostJsonAsync("chat.postMessage", """{"channel":"C1","text":"x"}""");
        using var second = await PostJsonAsync("chat.postMessage", """{"channel":"C1","text":"x"}""");

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), first.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal([false, true], _slack.CallsTo("chat.postMessage").Select(c => c.Succeeded));
    }

    [Fact]
    public async Task WaitForCall_TimesOutListingTheCallsSeen()
    {
        using var response = await PostJsonAsync("chat.update", """{"channel":"C1","ts":"1.1","text":"x"}""");

        var ex = await Assert.ThrowsAsync<FailException>(
            () => _slack.WaitForCallAsync("chat.postMessage", timeout: TimeSpan.FromMilliseconds(100)));

        Assert.Contains("chat.postMessage", ex.Message, StringComparison.Ordinal);
        Assert.Contains("chat.update", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_ForgetsCallsAndFailures()
    {
        _slack.FailNext("views.open", 500, times: 3);
        using (await PostJsonAsync("views.open", "{}"))
        {
        }

        _slack.Reset();
        using var after = await PostJsonAsync("views.open", """{"trigger_id":"t"}""");

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("t", (string?)Assert.Single(_slack.Calls).Body["trigger_id"]);
    }

    private Task<HttpResponseMessage> PostJsonAsync(string method, string json) =>
        Http.PostAsync(new Uri(_slack.BaseUrl, method), new StringContent(json, Encoding.UTF8, "application/json"));
}
