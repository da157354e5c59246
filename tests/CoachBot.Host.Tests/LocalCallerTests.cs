using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CoachBot.Host.Local;
using CoachBot.Testing;
using Microsoft.AspNetCore.Http;

namespace CoachBot.Host.Tests;

/// <summary>
/// The local API answers only this machine's own callers: no cross-site posts from a page the developer opens (CSRF),
/// no reads through a rebound DNS name, JSON only. Over real HTTP on loopback, as a browser would reach it.
/// </summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class LocalCallerTests
{
    private readonly AzuriteFixture _azurite;

    public LocalCallerTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task PostClock_FromAnotherWebPage_IsRefusedAndTheClockStays()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        using var request = Json(HttpMethod.Post, "/api/local/clock", """{"advanceMinutes":525600}""");
        request.Headers.Add("Origin", "http://attacker.example");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("other web pages", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var clock = JsonNode.Parse(await client.GetStringAsync("/api/local/clock"))!;
        Assert.Equal(0, clock["offsetMinutes"]!.GetValue<long>());
    }

    [Fact]
    public async Task PostMessage_AsPlainText_IsRefusedAndNothingIsRecorded()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        // What a cross-site <form enctype="text/plain"> can send without a preflight.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/local/messages")
        {
            Content = new StringContent("""{"userId":"victim","text":"start"}""", Encoding.UTF8, "text/plain"),
        };

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Content-Type: application/json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var inbox = JsonNode.Parse(await client.GetStringAsync("/api/local/inbox/victim"))!;
        Assert.Empty(inbox["messages"]!.AsArray());
    }

    [Fact]
    public async Task GetInbox_ThroughAReboundHostName_IsRefused()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/local/inbox/alice");
        request.Headers.Host = $"rebind.attacker.example:{client.BaseAddress!.Port}";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("addressed to localhost", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPlayground_WithAnotherPortInTheHostHeader_IsRefused()
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "localhost:1";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task PostMessage_FromThePlaygroundsOwnOrigin_IsAnswered(string host)
    {
        await using var app = new CoachBotApp(_azurite);
        var client = app.CreateClient();
        var port = client.BaseAddress!.Port;
        using var request = Json(HttpMethod.Post, "/api/local/messages", """{"userId":"pat","text":"help"}""");
        request.Headers.Host = $"{host}:{port}";
        request.Headers.Add("Origin", $"http://{host}:{port}");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Refusal_CallerNotOnLoopback_IsForbidden()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.10");
        context.Connection.LocalPort = 3978;
        context.Request.Host = new HostString("localhost", 3978);

        var refusal = LocalCallerFilter.Refusal(context);

        var problem = Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>(refusal);
        Assert.Equal(StatusCodes.Status403Forbidden, problem.StatusCode);
        Assert.Contains("only callers on this machine", problem.ProblemDetails.Detail, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, string body) =>
        new(method, path) { Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")) };
}
