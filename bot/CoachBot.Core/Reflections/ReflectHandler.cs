using CoachBot.Core.Conversation;

namespace CoachBot.Core.Reflections;

/// <summary>
/// <c>reflect [#channel]</c> shows the open round's form (pre-filled with the member's own answers), and the form's
/// submission saves them. Only the author ever reads their answers back, and only while the round is open.
/// </summary>
public sealed class ReflectHandler : ICommandHandler, IActionHandler
{
    private readonly IReflectionStore _store;

    public ReflectHandler(IReflectionStore store) => _store = store;

    public IReadOnlyList<string> Verbs { get; } = ["reflect"];

    public string ActionPrefix => "reflect.";

    public async Task<Reply> HandleAsync(TurnContext context, CommandRequest command, CancellationToken cancellationToken)
    {
        var name = command.Arguments.Trim();
        if (name.Length > 0 && !ReflectionArguments.IsChannel(name))
        {
            return Error(context.T("reflection.error.reflect_usage"));
        }

        var channels = await _store.ListMembershipsAsync(context.Profile.User, cancellationToken);
        if (name.Length > 0)
        {
            var wanted = TeamChannel.For(context.Profile.User, name);
            channels = [.. channels.Where(c => c == wanted)];
        }

        var open = new List<ReflectionRound>();
        var anyClosed = false;
        foreach (var channel in channels)
        {
            if (!await InvitedAsync(context, channel, cancellationToken))
            {
                continue;
            }

            var rounds = await _store.ListRoundsAsync(channel, cancellationToken);
            if (rounds.Count == 0)
            {
                continue;
            }

            var latest = rounds[^1];

            if (latest.IsOpenAt(context.Now))
            {
                open.Add(latest);
            }
            else
            {
                anyClosed = true;
            }
        }

        if (open.Count == 1)
        {
            var own = await _store.GetOwnAnswerAsync(context.Profile.User, open[0].Channel, open[0].Week, cancellationToken);
            return ReflectionForm.Build(context.Content, open[0], own, context.Profile.TimeZoneId);
        }

        if (open.Count > 1)
        {
            return new Reply
            {
                Text = context.T("reflection.reflect.choose", ("channels", string.Join(", ", open.Select(r => r.Channel.DisplayName)))),
                Buttons = [.. open.Select(r => ReplyButton.Command(r.Channel.DisplayName, "reflect " + r.Channel.DisplayName))],
            };
        }

        return Reply.Plain(context.T(anyClosed ? "reflection.reflect.closed" : "reflection.reflect.none"));
    }

    public async Task<Reply> HandleAsync(TurnContext context, TurnAction action, CancellationToken cancellationToken)
    {
        if (action.Id != ReflectionForm.SubmitAction || action.Value(ReflectionForm.RoundInput)?.Split('|', 2) is not [var week, var id]
            || !ReflectionArguments.IsChannel(id))
        {
            return Error(context.T("error.unknown_action"));
        }

        var channel = TeamChannel.For(context.Profile.User, id);
        var round = (await _store.ListRoundsAsync(channel, cancellationToken)).FirstOrDefault(r => r.Week == week);
        var isMember = (await _store.ListMembershipsAsync(context.Profile.User, cancellationToken)).Contains(channel)
            && await InvitedAsync(context, channel, cancellationToken);
        if (round is null || !isMember)
        {
            return Error(context.T("reflection.reflect.none"));
        }

        if (!round.IsOpenAt(context.Now))
        {
            return Error(context.T("reflection.reflect.closed"));
        }

        var parts = new List<AnswerPart>();
        for (var i = 0; i < round.PromptIds.Count; i++)
        {
            var text = action.Value(ReflectionForm.AnswerInput(i)) ?? string.Empty;
            if (text.Length > ReflectionForm.MaxAnswerLength)
            {
                // Checked for every answer before anything is written: a too-long answer saves none of them.
                return Error(context.T("reflection.error.too_long", ("number", i + 1), ("length", text.Length), ("max", ReflectionForm.MaxAnswerLength)))
                    with { ErrorInputId = ReflectionForm.AnswerInput(i) };
            }

            parts.Add(new AnswerPart(round.PromptIds[i], text, action.Value(ReflectionForm.QuoteInput(i)) == ReflectionForm.Yes));
        }

        if (parts.All(p => p.Text.Length == 0))
        {
            // Shown at the first answer, where writing one starts (the form's first input is the team choice).
            return Error(context.T("reflection.error.empty")) with { ErrorInputId = ReflectionForm.AnswerInput(0) };
        }

        var own = await _store.GetOwnAnswerAsync(context.Profile.User, channel, week, cancellationToken);
        await _store.SaveOwnAnswerAsync(
            context.Profile.User, new ReflectionAnswer(channel, week, parts, context.Now) { Version = own?.Version }, cancellationToken);
        var closes = TimeZoneInfo.ConvertTime(round.ClosesAt, context.TimeZone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return new Reply
        {
            Text = context.T(own is null ? "reflection.reflect.saved" : "reflection.reflect.updated", ("channel", channel.DisplayName), ("closes", closes)),
            Buttons = [ReplyButton.Command(context.T("reflection.button.edit"), "reflect " + channel.DisplayName)],
        };
    }

    /// <summary>A lead who runs the reflection without taking part is recorded in the channel but not asked.</summary>
    private async Task<bool> InvitedAsync(TurnContext context, TeamChannel channel, CancellationToken cancellationToken) =>
        await _store.GetAsync(channel, cancellationToken) is not { } reflection || reflection.Invites(context.Profile.User);

    private static Reply Error(string text) => new() { Text = text, IsError = true };
}
