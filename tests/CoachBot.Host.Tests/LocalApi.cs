using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoachBot.Host.Tests;

/// <summary>Talks to the local channel the way the playground does.</summary>
internal static class LocalApi
{
    public static async Task<JsonArray> SendAsync(this HttpClient client, string user, string text, string? messageId = null)
    {
        var response = await client.PostAsJsonAsync("/api/local/messages", new { userId = user, text, messageId });
        return await RepliesAsync(response);
    }

    /// <summary>A message posted in a local channel (e.g. #team-a) rather than a direct message.</summary>
    public static async Task<JsonArray> SendInChannelAsync(this HttpClient client, string user, string channelId, string text)
    {
        var response = await client.PostAsJsonAsync("/api/local/messages", new { userId = user, channelId, text });
        return await RepliesAsync(response);
    }

    public static async Task<JsonArray> PressAsync(this HttpClient client, string user, string actionId, object? values = null, string? messageId = null)
    {
        var response = await client.PostAsJsonAsync(
            "/api/local/messages", new { userId = user, action = new { id = actionId, values = values ?? new { } }, messageId });
        return await RepliesAsync(response);
    }

    public static async Task OnboardAsync(this HttpClient client, string user)
    {
        await client.SendAsync(user, "start");
        await client.PressAsync(user, "onboarding.role", new { value = "senior" });
        await client.PressAsync(user, "onboarding.path", new { value = "internal" });
        await client.PressAsync(user, "onboarding.time", new { value = "09:00" });
        await client.PressAsync(user, "onboarding.days", new { value = "mon-fri" });
    }

    /// <summary>
    /// Moves the local clock to the next Wednesday, 12:00 UTC: a working day in every time zone from UTC-11 to
    /// UTC+11, so a test of the daily practice passes on a weekend too.
    /// </summary>
    public static async Task TravelToAWorkingDayAsync(this HttpClient client)
    {
        var clock = JsonNode.Parse(await client.GetStringAsync("/api/local/clock"))!;
        var now = clock["now"]!.GetValue<DateTimeOffset>().ToUniversalTime();
        var days = ((int)DayOfWeek.Wednesday - (int)now.DayOfWeek + 7) % 7;
        var target = new DateTimeOffset(now.Date, TimeSpan.Zero).AddDays(days == 0 ? 7 : days).AddHours(12);
        var minutes = (long)Math.Ceiling((target - now).TotalMinutes);
        (await client.PostAsJsonAsync("/api/local/clock", new { advanceMinutes = minutes })).EnsureSuccessStatusCode();
    }

    public static string Text(this JsonNode? reply) => reply?["text"]?.GetValue<string>() ?? throw new InvalidOperationException("reply without text");

    public static string AllText(this JsonArray replies) => string.Join("\n", replies.Select(r => r.Text()));

    private static async Task<JsonArray> RepliesAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        var node = JsonNode.Parse(body) ?? throw new JsonException("empty body");
        return node["replies"]!.AsArray();
    }
}
