using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Reflections;
using CoachBot.Teams.Protocol;

namespace CoachBot.Teams.Inbound;

/// <summary>What the Teams edge does with a typed turn before the Core sees it.</summary>
/// <param name="Text">The text for the Core (the bot's mention removed, <c>here</c> replaced by the channel's name).</param>
/// <param name="Private">True when the answers go to the sender's personal chat, never the channel.</param>
/// <param name="Refusal">The key of the sentence to answer instead of running the Core, or null.</param>
public sealed record TeamsTurnPlan(string Text, bool Private, string? Refusal);

/// <summary>
/// Team reflections in Teams channels (docs/decisions/0040-teams-channel-reflections.md): records where a channel is
/// reached from the authenticated activity, lets a lead say <c>here</c> for the channel they write in, and sends the
/// answers to reflection commands typed in a channel or group chat to the sender's personal chat.
/// </summary>
public sealed class TeamsReflectionTurns
{
    private static readonly string[] HereWords = ["#here", "here", "this channel", "このチャンネル", "ここ"];

    private readonly CommandReader _reader;
    private readonly ITeamChannelAddressStore _addresses;
    private readonly TimeProvider _time;

    public TeamsReflectionTurns(CommandReader reader, ITeamChannelAddressStore addresses, TimeProvider time)
    {
        _reader = reader;
        _addresses = addresses;
        _time = time;
    }

    /// <summary>The reflection verbs whose answers stay private in shared conversations.</summary>
    public static bool IsReflectionVerb(string verb) =>
        verb is TeamReflectionHandler.OnVerb or TeamReflectionHandler.OffVerb or TeamReflectionHandler.StatusVerb or "reflect";

    /// <summary>
    /// Records the channel's address when the activity comes from a team channel (identity and serviceUrl from the
    /// validated activity only), and plans the turn.
    /// </summary>
    public async Task<TeamsTurnPlan> PlanAsync(Activity activity, Uri serviceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var shared = activity.Conversation?.ConversationType is { } type && type != "personal";
        var text = TeamsTurns.WithoutBotMention(activity, activity.Text);
        TeamChannel? channel = null;
        if (shared && TeamsChannelOrigin.Of(activity) is { } origin)
        {
            channel = origin.Channel(TeamsTurns.TenantOf(activity));
            await _addresses.SaveAsync(
                new TeamChannelAddress(channel, serviceUrl.ToString(), origin.TeamId, origin.ChannelId, origin.RosterId, activity.Recipient?.Id, _time.GetUtcNow()),
                cancellationToken);
        }

        if (_reader.Read(text, ContentLibrary.DefaultLanguage) is not { } command || !IsReflectionVerb(command.Verb))
        {
            return new TeamsTurnPlan(text, Private: false, Refusal: null);
        }

        if (AfterHere(command.Arguments) is not { } rest)
        {
            return new TeamsTurnPlan(text, Private: shared, Refusal: null);
        }

        if (!shared)
        {
            return new TeamsTurnPlan(text, Private: false, Refusal: "teams.reflection.here_outside_channel");
        }

        return channel is null
            ? new TeamsTurnPlan(text, Private: true, Refusal: activity.ChannelData?["team"] is null ? "teams.reflection.here_outside_channel" : "teams.reflection.channel_unknown")
            : new TeamsTurnPlan($"{command.Verb} {channel.DisplayName} {rest}".Trim(), Private: true, Refusal: null);
    }

    /// <summary>The arguments after a leading "here" word, or null when they do not start with one.</summary>
    private static string? AfterHere(string arguments)
    {
        var trimmed = arguments.Trim();
        foreach (var word in HereWords)
        {
            if (trimmed.StartsWith(word, StringComparison.OrdinalIgnoreCase)
                && (trimmed.Length == word.Length || char.IsWhiteSpace(trimmed[word.Length])))
            {
                return trimmed[word.Length..].Trim();
            }
        }

        return null;
    }
}
