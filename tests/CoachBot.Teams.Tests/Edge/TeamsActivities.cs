using System.Text.Json.Nodes;

namespace CoachBot.Teams.Tests.Edge;

/// <summary>Activities in the Bot Framework's real format, as Teams (or the Agents Playground) sends them.</summary>
internal static class TeamsActivities
{
    public const string Tenant = "a1b2c3d4-0000-4000-8000-00000000tena";
    public const string Bot = "28:coachbot-app";

    public static JsonObject Message(Uri serviceUrl, string user, string text, string? id = null, string conversation = "a:personal-chat-1") =>
        Base("message", serviceUrl, user, id, conversation)
            .With("text", text)
            .With("textFormat", "plain")
            .With("entities", new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["timezone"] = "Asia/Tokyo" }));

    /// <summary>An Action.Submit press: a message with empty text and the card's data (plus inputs) as value.</summary>
    public static JsonObject Submit(Uri serviceUrl, string user, JsonNode value, string? id = null) =>
        Base("message", serviceUrl, user, id, "a:personal-chat-1").With("value", value);

    /// <summary>An Action.Execute press: an invoke adaptiveCard/action.</summary>
    public static JsonObject Execute(Uri serviceUrl, string user, string verb, JsonObject data, string? id = null) =>
        Base("invoke", serviceUrl, user, id, "a:personal-chat-1")
            .With("name", "adaptiveCard/action")
            .With("value", new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } });

    public static JsonObject InstallationUpdate(Uri serviceUrl, string user, string action, string? id = null) =>
        Base("installationUpdate", serviceUrl, user, id, "a:personal-chat-1").With("action", action);

    public static JsonObject BotAdded(Uri serviceUrl, string user, string? id = null) =>
        Base("conversationUpdate", serviceUrl, user, id, "a:personal-chat-1")
            .With("membersAdded", new JsonArray(new JsonObject { ["id"] = Bot }));

    public static JsonObject Base(string type, Uri serviceUrl, string user, string? id, string conversation) => new()
    {
        ["type"] = type,
        ["id"] = id ?? "act-" + Guid.NewGuid().ToString("N"),
        ["timestamp"] = "2026-11-24T09:00:00.000Z",
        ["localTimestamp"] = "2026-11-24T18:00:00.000+09:00",
        ["localTimezone"] = "Asia/Tokyo",
        ["serviceUrl"] = serviceUrl.ToString(),
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = user, ["name"] = "Test " + user, ["aadObjectId"] = Guid.NewGuid().ToString() },
        ["recipient"] = new JsonObject { ["id"] = Bot, ["name"] = "CoachBot" },
        ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
        ["locale"] = "en-US",
    };

    private static JsonObject With(this JsonObject activity, string key, JsonNode? value)
    {
        activity[key] = value;
        return activity;
    }
}
