using System.Text.Json.Nodes;

namespace CoachBot.Slack.Tests.Edge;

/// <summary>Bodies in Slack's real formats, with only the fields that matter to a test varying.</summary>
internal static class SlackPayloads
{
    /// <summary>An Events API envelope; <paramref name="enterprise"/> is the team's Enterprise Grid org (none by default).</summary>
    public static JsonObject Envelope(string eventId, JsonObject slackEvent, string team = SlackHost.Team, string? enterprise = null)
    {
        var envelope = new JsonObject
        {
            ["token"] = "legacy-verification-token",
            ["team_id"] = team,
            ["api_app_id"] = "A0TEST",
            ["event"] = slackEvent,
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = 1_764_000_000,
            ["authorizations"] = new JsonArray(new JsonObject
            {
                ["enterprise_id"] = enterprise,
                ["team_id"] = team,
                ["user_id"] = "UBOT",
                ["is_bot"] = true,
                ["is_enterprise_install"] = false,
            }),
        };
        if (enterprise is not null)
        {
            envelope["enterprise_id"] = enterprise;
        }

        return envelope;
    }

    public static JsonObject DirectMessage(string eventId, string user, string text, string channel = "D0DM", string team = SlackHost.Team, string? enterprise = null) =>
        Envelope(eventId, new JsonObject
        {
            ["type"] = "message",
            ["channel"] = channel,
            ["channel_type"] = "im",
            ["user"] = user,
            ["text"] = text,
            ["ts"] = "1764000000.000100",
            ["event_ts"] = "1764000000.000100",
        }, team, enterprise);

    public static Dictionary<string, string> Command(string user, string text, string responseUrl, string channel = "C0GENERAL", string? triggerId = null) => new()
    {
        ["token"] = "legacy-verification-token",
        ["team_id"] = SlackHost.Team,
        ["team_domain"] = "coachbot-test",
        ["channel_id"] = channel,
        ["channel_name"] = "general",
        ["user_id"] = user,
        ["user_name"] = user.ToLowerInvariant(),
        ["command"] = "/coach",
        ["text"] = text,
        ["api_app_id"] = "A0TEST",
        ["is_enterprise_install"] = "false",
        ["response_url"] = responseUrl,
        // A fresh trigger id per command, as Slack sends: the edge answers a repeated one only once.
        ["trigger_id"] = triggerId ?? $"13345224609.{Random.Shared.Next(100_000_000, 999_999_999)}.{Guid.NewGuid():N}",
    };

    /// <summary>A block_actions payload for one pressed button (its action_id and value exactly as rendered).</summary>
    public static JsonObject BlockAction(string user, string actionId, string? value, string responseUrl, string channel = "D0DM", JsonObject? stateValues = null) => new()
    {
        ["type"] = "block_actions",
        ["team"] = new JsonObject { ["id"] = SlackHost.Team, ["domain"] = "coachbot-test" },
        ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["team_id"] = SlackHost.Team },
        ["api_app_id"] = "A0TEST",
        ["trigger_id"] = "trigger-" + Guid.NewGuid().ToString("N"),
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1764000000.000200", ["channel_id"] = channel, ["is_ephemeral"] = false },
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "directmessage" },
        ["response_url"] = responseUrl,
        ["state"] = new JsonObject { ["values"] = stateValues ?? [] },
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = actionId,
            ["block_id"] = "b1",
            ["value"] = value,
            ["action_ts"] = $"1764000000.{Random.Shared.Next(100000, 999999)}",
        }),
    };

    /// <summary>A view_submission of a modal CoachBot opened (its callback id, blocks and private_metadata as rendered).</summary>
    public static JsonObject ViewSubmission(string user, JsonObject view, JsonObject stateValues)
    {
        var submitted = (JsonObject)view.DeepClone();
        submitted["id"] = "V0MODAL" + Random.Shared.Next(1000, 9999);
        submitted["state"] = new JsonObject { ["values"] = stateValues };
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = SlackHost.Team, ["domain"] = "coachbot-test" },
            ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["team_id"] = SlackHost.Team },
            ["api_app_id"] = "A0TEST",
            ["trigger_id"] = "trigger-" + Guid.NewGuid().ToString("N"),
            ["view"] = submitted,
        };
    }

    /// <summary>Slack's state.values for one plain text input or select, as it sends them.</summary>
    public static JsonObject TextValue(string inputId, string value) =>
        new() { [inputId] = new JsonObject { [inputId] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value } } };
}
