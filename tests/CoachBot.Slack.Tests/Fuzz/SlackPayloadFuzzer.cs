using System.Text;
using System.Text.Json.Nodes;
using CoachBot.Slack.Tests.Edge;

namespace CoachBot.Slack.Tests.Fuzz;

/// <summary>
/// Malformed but correctly signed Slack bodies, from one seeded <see cref="Random"/> so a failure replays exactly:
/// real payloads with fields removed or swapped for wrong types, blank and CR/LF ids, huge values and nested nulls,
/// plus bodies that are not JSON or not a form at all.
/// </summary>
internal sealed class SlackPayloadFuzzer(int seed, string responseUrl)
{
    private static readonly string[] OddTexts =
    [
        string.Empty, " ", "   ", "\r\n", "\n", "\t", "U0\r\nX-Injected: 1", " U0ALICE ", "\0", "U0\0A", "%", "%ZZ", "&&==", "/\\#?",
        "../../etc", "<@U0ALICE>", "&lt;script&gt;", "ユーザー", "🙂", "\uFFFF", "\uD800", "null", "true", "0", "-1",
        "1e309", "{}", "[]", "{\"a\":", "T0TEST", "E0ENT", "U0ALICE", "D0DM", "https://example.invalid/x",
    ];

    private static readonly string[] BrokenBodies = ["[]", "null", "1", "\"x\"", "{", "{\"type\":null}", "a=b&&c", "payload"];

    private static readonly string[] CommandTexts = ["help", "today", "settings", "done", "1on1 note", "1on1 action", "export", "forget me", "start", "progress", string.Empty];

    private readonly Random _random = new(seed);

    /// <summary>A body for <c>/slack/events</c>.</summary>
    public byte[] Event()
    {
        if (_random.Next(20) == 0)
        {
            return Garbage();
        }

        var eventId = "Ev0FUZZ" + _random.Next(1_000_000);
        JsonObject body = _random.Next(8) switch
        {
            0 => new JsonObject { ["type"] = "url_verification", ["challenge"] = "c" + _random.Next() },
            1 => SlackPayloads.Envelope(eventId, new JsonObject { ["type"] = "app_mention", ["user"] = "U0ALICE", ["channel"] = "C0GENERAL", ["text"] = "<@UBOT> help" }),
            2 => SlackPayloads.Envelope(eventId, new JsonObject { ["type"] = "app_home_opened", ["user"] = "U0ALICE", ["channel"] = "D0DM", ["tab"] = "home" }),
            3 => SlackPayloads.Envelope(eventId, new JsonObject { ["type"] = "user_change", ["user"] = new JsonObject { ["id"] = "U0ALICE", ["tz"] = "Asia/Tokyo", ["locale"] = "ja-JP" } }),
            _ => SlackPayloads.DirectMessage(eventId, "U0ALICE", CommandTexts[_random.Next(CommandTexts.Length)]),
        };
        Mutate(body);
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    /// <summary>A form body for <c>/slack/commands</c>.</summary>
    public byte[] Command()
    {
        if (_random.Next(20) == 0)
        {
            return Garbage();
        }

        var form = SlackPayloads.Command("U0ALICE", CommandTexts[_random.Next(CommandTexts.Length)], responseUrl, triggerId: "trigger-" + _random.Next());
        var keys = form.Keys.ToList();
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            var key = keys[_random.Next(keys.Count)];
            switch (_random.Next(4))
            {
                case 0:
                    form.Remove(key);
                    break;
                case 1:
                    form[key] = new string('A', _random.Next(1_000, 20_000));
                    break;
                default:
                    form[key] = OddTexts[_random.Next(OddTexts.Length)];
                    break;
            }
        }

        var text = SlackHost.FormBody(form);
        return Encoding.UTF8.GetBytes(_random.Next(10) == 0 ? text + "&user_id=" + Uri.EscapeDataString(OddTexts[_random.Next(OddTexts.Length)]) : text);
    }

    /// <summary>A form body (payload=JSON) for <c>/slack/interactions</c>.</summary>
    public byte[] Interaction()
    {
        if (_random.Next(20) == 0)
        {
            return _random.Next(2) == 0 ? Garbage() : Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(OddTexts[_random.Next(OddTexts.Length)]));
        }

        var payload = _random.Next(3) switch
        {
            0 => SlackPayloads.ViewSubmission("U0ALICE", Modal(), SlackPayloads.TextValue("note", "a note")),
            1 => new JsonObject { ["type"] = "view_closed", ["team"] = new JsonObject { ["id"] = SlackHost.Team }, ["user"] = new JsonObject { ["id"] = "U0ALICE" } },
            _ => SlackPayloads.BlockAction("U0ALICE", "command.run|0", "{\"text\":\"today\"}", responseUrl),
        };
        Mutate(payload);
        return Encoding.UTF8.GetBytes(SlackHost.FormBody(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() }));
    }

    private static JsonObject Modal() => new()
    {
        ["type"] = "modal",
        ["callback_id"] = "oneonone.note",
        ["private_metadata"] = "{\"c\":\"D0DM\"}",
        ["blocks"] = new JsonArray(),
    };

    /// <summary>Removes or replaces one to three values anywhere in the tree.</summary>
    private void Mutate(JsonObject root)
    {
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            var slots = new List<(JsonNode Parent, object Key)>();
            Collect(root, slots);
            if (slots.Count == 0)
            {
                return;
            }

            var (parent, key) = slots[_random.Next(slots.Count)];
            var value = _random.Next(6) == 0 ? null : OddValue();
            switch (parent, key)
            {
                case (JsonObject obj, string name) when value is null && _random.Next(2) == 0:
                    obj.Remove(name);
                    break;
                case (JsonObject obj, string name):
                    obj[name] = value;
                    break;
                case (JsonArray array, int index):
                    array[index] = value;
                    break;
            }
        }
    }

    private static void Collect(JsonNode node, List<(JsonNode Parent, object Key)> slots)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    slots.Add((obj, name));
                    if (child is not null)
                    {
                        Collect(child, slots);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, i));
                    if (array[i] is { } child)
                    {
                        Collect(child, slots);
                    }
                }

                break;
        }
    }

    private JsonNode? OddValue() => _random.Next(10) switch
    {
        0 => JsonValue.Create(_random.Next(-5, 5)),
        1 => JsonValue.Create(1e300),
        2 => JsonValue.Create(_random.Next(2) == 0),
        3 => new JsonArray(null, JsonValue.Create(1), new JsonObject { ["id"] = null }),
        4 => new JsonObject { ["id"] = null, ["team_id"] = JsonValue.Create(7), ["values"] = new JsonArray() },
        5 => JsonValue.Create(new string('Z', _random.Next(1_000, 40_000))),
        6 => null,
        _ => JsonValue.Create(OddTexts[_random.Next(OddTexts.Length)]),
    };

    private byte[] Garbage()
    {
        var bytes = new byte[_random.Next(0, 64)];
        _random.NextBytes(bytes);
        return _random.Next(2) == 0 ? bytes : Encoding.UTF8.GetBytes(BrokenBodies[_random.Next(BrokenBodies.Length)]);
    }
}
