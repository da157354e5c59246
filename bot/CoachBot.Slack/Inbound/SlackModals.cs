using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;
using CoachBot.Slack.Api;
using CoachBot.Slack.BlockKit;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// Opens a reply's form as a modal while the trigger id is fresh, and carries where the conversation happened (the
/// channel and response_url) through the modal's private_metadata so the submission's answer goes back there.
/// </summary>
public sealed class SlackModals
{
    private readonly ISlackApiClient _api;
    private readonly IBlockKitRenderer _renderer;
    private readonly ILogger<SlackModals> _logger;

    public SlackModals(ISlackApiClient api, IBlockKitRenderer renderer, ILogger<SlackModals> logger)
    {
        _api = api;
        _renderer = renderer;
        _logger = logger;
    }

    /// <summary>
    /// Opens the first reply that has a form as a modal. Returns the replies still to post: all of them when there is
    /// no form, no trigger, or Slack refused (the form then stays as an opener button in the message).
    /// </summary>
    public async Task<IReadOnlyList<Reply>> OpenFirstFormAsync(
        SlackTeam team, string? triggerId, IReadOnlyList<Reply> replies, SlackDestination destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var index = replies.ToList().FindIndex(r => r.Form is not null);
        if (index < 0 || string.IsNullOrEmpty(triggerId))
        {
            return replies;
        }

        try
        {
            await _api.Views.OpenAsync(team, triggerId, _renderer.RenderModal(replies[index], Metadata(destination)), cancellationToken);
            return [.. replies.Where((_, i) => i != index)];
        }
        catch (SlackApiException ex)
        {
            _logger.LogWarning("views.open failed for team {Team}: {Error}; the form stays in the message", team.TenantId, ex.Error);
            return replies;
        }
    }

    /// <summary>The private_metadata of a modal opened from <paramref name="destination"/>.</summary>
    public static string Metadata(SlackDestination destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return JsonSerializer.Serialize(new ModalOrigin(destination.Channel, destination.ResponseUrl?.ToString(), destination.EphemeralUserId, destination.ThreadTs), SlackJson.Options);
    }

    /// <summary>Where a submitted modal came from, or null when the metadata is not CoachBot's.</summary>
    public static SlackDestination? Origin(string? metadata)
    {
        if (string.IsNullOrEmpty(metadata))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ModalOrigin>(metadata, SlackJson.Options) is { C: { Length: > 0 } channel } origin
                ? new SlackDestination(channel, SlackPayload.HttpsUrl(origin.R), origin.E, origin.T)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The form of a submitted view as far as the errors answer needs it: its callback id and input block ids.</summary>
    public static ReplyForm FormOf(JsonObject view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var inputs = (view["blocks"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(b => SlackPayload.Text(b, "type") == "input" && SlackPayload.Text(b, "block_id") is not null)
            .Select(b => new ReplyInput(SlackPayload.Text(b, "block_id")!, string.Empty, InputKind.Text))
            .ToList();
        return new ReplyForm(SlackPayload.Text(view, "callback_id") ?? string.Empty, string.Empty, string.Empty, inputs);
    }

    private sealed record ModalOrigin(string C, string? R, string? E, string? T);
}
