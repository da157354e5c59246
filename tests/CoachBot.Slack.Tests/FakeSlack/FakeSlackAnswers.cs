using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace CoachBot.Slack.Tests.FakeSlack;

/// <summary>The fake's default answers to each Web API method (ok:true unless the method needs test data).</summary>
internal sealed class FakeSlackAnswers
{
    private readonly List<JsonObject> _messages = [];
    private long _ts = 1_700_000_000_000_000;
    private int _views;
    private int _files;

    public ConcurrentDictionary<string, JsonObject> Users { get; } = new(StringComparer.Ordinal);

    /// <summary>conversations.members answers by channel id; unknown channels get channel_not_found.</summary>
    public ConcurrentDictionary<string, string[]> ChannelMembers { get; } = new(StringComparer.Ordinal);

    public JsonObject? OAuthAnswer { get; set; }

    public Uri? SocketUrl { get; set; }

    /// <summary>Where files.getUploadURLExternal sends uploads (posts there are recorded as <c>upload:{file id}</c>).</summary>
    public Uri? UploadBase { get; set; }

    public JsonObject Answer(string method, JsonObject body) => method switch
    {
        "chat.postMessage" => Post(body),
        "conversations.history" => Ok(new JsonObject
        {
            ["messages"] = new JsonArray([.. MessagesIn(Text(body, "channel") ?? string.Empty).Reverse().Select(m => (JsonNode)m)]),
        }),
        "chat.postEphemeral" => Ok(new JsonObject { ["message_ts"] = NextTs() }),
        "chat.update" => Ok(new JsonObject { ["channel"] = Text(body, "channel"), ["ts"] = Text(body, "ts") }),
        "conversations.open" => Ok(new JsonObject { ["channel"] = new JsonObject { ["id"] = "D" + Text(body, "users") } }),
        "conversations.members" => Members(body),
        "users.info" => Users.TryGetValue(Text(body, "user") ?? string.Empty, out var user)
            ? Ok(new JsonObject { ["user"] = user.DeepClone() })
            : Error("user_not_found"),
        "views.open" or "views.update" or "views.publish" => Ok(new JsonObject
        {
            ["view"] = new JsonObject { ["id"] = $"V{Interlocked.Increment(ref _views)}" },
        }),
        "oauth.v2.access" => OAuthAnswer?.DeepClone().AsObject() ?? Error("invalid_code"),
        "files.getUploadURLExternal" => UploadAnswer(Interlocked.Increment(ref _files)),
        "apps.connections.open" => SocketUrl is { } url ? Ok(new JsonObject { ["url"] = url.ToString() }) : Error("invalid_auth"),
        _ => Ok([]),
    };

    /// <summary>One page of conversations.members: <c>limit</c> ids from the offset the cursor names.</summary>
    private JsonObject Members(JsonObject body)
    {
        if (!ChannelMembers.TryGetValue(Text(body, "channel") ?? string.Empty, out var members))
        {
            return Error("channel_not_found");
        }

        var limit = int.Parse(Text(body, "limit") ?? "100", System.Globalization.CultureInfo.InvariantCulture);
        var from = Text(body, "cursor") is { Length: > 0 } cursor ? int.Parse(cursor[7..], System.Globalization.CultureInfo.InvariantCulture) : 0;
        var page = members.Skip(from).Take(limit).ToArray();
        var next = from + page.Length < members.Length ? $"offset-{from + page.Length}" : string.Empty;
        return Ok(new JsonObject
        {
            ["members"] = new JsonArray([.. page.Select(m => (JsonNode)m)]),
            ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
        });
    }

    /// <summary>What chat.postMessage put in the channel, oldest first (copies).</summary>
    public IReadOnlyList<JsonObject> MessagesIn(string channel)
    {
        lock (_messages)
        {
            return [.. _messages.Where(m => (string?)m["channel"] == channel).Select(m => m.DeepClone().AsObject())];
        }
    }

    private JsonObject Post(JsonObject body)
    {
        var channel = Text(body, "channel");
        var ts = NextTs();
        var message = new JsonObject { ["type"] = "message", ["channel"] = channel, ["ts"] = ts, ["text"] = Text(body, "text") };
        if (body["metadata"] is JsonObject metadata)
        {
            message["metadata"] = metadata.DeepClone();
        }

        lock (_messages)
        {
            _messages.Add(message);
        }

        return Ok(new JsonObject { ["channel"] = channel, ["ts"] = ts });
    }

    private JsonObject UploadAnswer(int number) => Ok(new JsonObject
    {
        ["upload_url"] = new Uri(UploadBase!, $"F{number}").ToString(),
        ["file_id"] = $"F{number}",
    });

    public static JsonObject Error(string code) => new() { ["ok"] = false, ["error"] = code };

    private static JsonObject Ok(JsonObject answer)
    {
        answer["ok"] = true;
        return answer;
    }

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private string NextTs()
    {
        var micros = Interlocked.Increment(ref _ts);
        return $"{micros / 1_000_000}.{micros % 1_000_000:D6}";
    }
}
