using CoachBot.Content.Model;
using CoachBot.Core.Conversation;
using CoachBot.Core.Users;

namespace CoachBot.Core.OneOnOnes;

/// <summary>
/// The prep and follow-up messages of a meeting, for the scheduler to send. Each is built for one of the pair, in
/// their language and time zone, from what that person may see.
/// </summary>
public sealed class OneOnOneReminders
{
    private readonly OneOnOneService _service;
    private readonly IUserStore _users;
    private readonly ContentLibrary _content;
    private readonly TimeProvider _clock;

    public OneOnOneReminders(OneOnOneService service, IUserStore users, ContentLibrary content, TimeProvider clock)
    {
        _service = service;
        _users = users;
        _content = content;
        _clock = clock;
    }

    /// <summary>The start of the pairing's next meeting in UTC; null unless the pairing is active.</summary>
    public DateTimeOffset? NextMeetingUtc(Pairing pairing) => MeetingSchedule.NextMeetingUtc(pairing, _clock.GetUtcNow());

    /// <summary>
    /// "Your 1-on-1 with X is in N h": the agenda and buttons to add a talking point or open it. Null when
    /// <paramref name="forUser"/> is not part of an active pairing. Someone without a profile gets it too, written
    /// for the profile <see cref="PairingProfiles"/> assumes.
    /// </summary>
    public async Task<Reply?> BuildPrepAsync(Pairing pairing, UserRef forUser, int hoursBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        if (!pairing.Includes(forUser) || pairing.State != PairingState.Active)
        {
            return null;
        }

        var profile = await PairingProfiles.GetAsync(_users, pairing, forUser, cancellationToken);

        var content = _content.For(profile.Language);
        var agenda = await _service.AgendaAsync(forUser, pairing, content, _clock.GetUtcNow(), cancellationToken);
        var other = OneOnOneText.Mention(pairing.Other(forUser));
        var lead = content.Strings.Format("oneonones.prep", ("person", other), ("hours", hoursBefore));
        var reply = AgendaReply.Build(agenda!, content, profile, lead);
        return reply with
        {
            Buttons =
            [
                ReplyButton.Command(content.Strings.Format("oneonones.button.add"), "1on1 add " + other + " "),
                ReplyButton.Command(content.Strings.Format("oneonones.button.agenda"), "1on1 agenda " + other, ButtonStyle.Primary),
                .. reply.Buttons,
            ],
        };
    }

    /// <summary>"Capture notes and action items" with the note form; null as for <see cref="BuildPrepAsync"/>.</summary>
    public async Task<Reply?> BuildFollowUpAsync(Pairing pairing, UserRef forUser, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        if (!pairing.Includes(forUser) || pairing.State != PairingState.Active)
        {
            return null;
        }

        var profile = await PairingProfiles.GetAsync(_users, pairing, forUser, cancellationToken);
        var strings = _content.For(profile.Language).Strings;
        var other = OneOnOneText.Mention(pairing.Other(forUser));
        var meeting = OneOnOneService.MeetingDateFor(pairing, _clock.GetUtcNow());
        return new Reply
        {
            Text = strings.Format("oneonones.follow_up", ("person", other)),
            Form = new ReplyForm(OneOnOneHandler.FormAction(OneOnOneHandler.NoteFormAction, pairing), strings.Format("oneonones.note.form_title"), strings.Format("oneonones.button.save"),
            [
                new ReplyInput("text", strings.Format("oneonones.form.text"), Conversation.InputKind.MultilineText) { Required = true, MaxLength = 3000 },
                new ReplyInput("visibility", strings.Format("oneonones.form.visibility"), Conversation.InputKind.Choice)
                {
                    Choices = [new(strings.Format("oneonones.form.shared"), "shared"), new(strings.Format("oneonones.form.private"), "private")],
                    InitialValue = "shared",
                },
            ]),
            Buttons =
            [
                ReplyButton.Command(strings.Format("oneonones.button.action"), "1on1 action " + other),
                ReplyButton.Command(strings.Format("oneonones.button.note"), "1on1 note " + other),

                // A meeting with nothing written down still took place: one press puts it in the history.
                ReplyButton.With(strings.Format("oneonones.button.held"), OneOnOneHandler.FormAction(OneOnOneHandler.HeldAction, pairing),
                    OneOnOneHandler.DateValue, OneOnOneText.Date(meeting)),
            ],
        };
    }
}
