using System.Text.Json.Nodes;

namespace CoachBot.Slack.Tests.FakeSlack;

/// <summary>
/// One POST the fake Slack received. <see cref="Token"/> is the bearer token, <c>basic:{client_id}</c> for HTTP Basic,
/// or null; <see cref="Body"/> is the JSON body or the form fields as strings.
/// </summary>
public sealed record FakeSlackCall(string Method, string? Token, JsonObject Body, DateTimeOffset At)
{
    /// <summary>The HTTP status the fake answered with.</summary>
    public int StatusCode { get; init; } = 200;

    /// <summary>True when the fake answered 200 with ok:true (the call took effect).</summary>
    public bool Succeeded { get; init; } = true;

    /// <summary>The request's Content-Type, e.g. application/json; charset=utf-8.</summary>
    public string? ContentType { get; init; }

    public override string ToString() =>
        $"{At:HH:mm:ss.fff} {Method} -> {StatusCode}{(Succeeded ? string.Empty : " (failed)")} {Body.ToJsonString()}";
}
