using CoachBot.Content.Model;
using CoachBot.Core.Time;
using CoachBot.Core.Users;

namespace CoachBot.Core.Conversation;

/// <summary>Everything a handler needs for one turn: who, their profile, their language's content, and now.</summary>
public sealed class TurnContext
{
    private readonly IUserStore _users;
    private readonly ContentLibrary _content;

    internal TurnContext(IncomingTurn turn, UserProfile profile, IUserStore users, ContentLibrary content, DateTimeOffset now)
    {
        Turn = turn;
        _users = users;
        _content = content;
        Now = now;
        Profile = profile;
    }

    public IncomingTurn Turn { get; }

    /// <summary>The profile as last saved in this turn.</summary>
    public UserProfile Profile { get; private set; }

    /// <summary>The user's language's content.</summary>
    public ContentCatalog Content => _content.For(Profile.Language);

    /// <summary>The user's language's sentences.</summary>
    public StringTable Strings => Content.Strings;

    /// <summary>The instant of this turn (from the injected TimeProvider).</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The user's time zone (falls back to UTC if the stored id is no longer known).</summary>
    public TimeZoneInfo TimeZone => TimeZones.FindOrUtc(Profile.TimeZoneId);

    /// <summary>Today's date in the user's time zone.</summary>
    public DateOnly LocalToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, TimeZone).DateTime);

    /// <summary>Shorthand for <see cref="StringTable.Format"/> in the user's language.</summary>
    public string T(string key, params (string Name, object? Value)[] args) => Strings.Format(key, args);

    /// <summary>
    /// Saves the profile of someone the bot has not stored yet (language and time zone from the channel), marked
    /// <see cref="OnboardingStep.NotStarted"/>: what the bot later sends them unasked (1-on-1 prompts) then reads right,
    /// and no habit nudge starts. Does nothing for a stored profile.
    /// </summary>
    public async Task RememberAsync(CancellationToken cancellationToken)
    {
        if (Profile.Version is null)
        {
            Profile = await _users.SaveAsync(Profile with { Onboarding = OnboardingStep.NotStarted }, cancellationToken);
            ProfileSaved = true;
        }
    }

    /// <summary>
    /// Applies a change to the profile and saves it, conditional on the version read at the start of the turn.
    /// A conflict propagates; the engine re-reads and runs the turn again.
    /// </summary>
    public async Task<UserProfile> UpdateProfileAsync(Func<UserProfile, UserProfile> change, CancellationToken cancellationToken)
    {
        Profile = await _users.SaveAsync(change(Profile), cancellationToken);
        ProfileSaved = true;
        return Profile;
    }

    /// <summary>True once this turn saved the profile.</summary>
    internal bool ProfileSaved { get; private set; }

    /// <summary>True when the turn ran a command that changes nothing with its arguments (<see cref="VerbInfo.SafeWith"/>).</summary>
    internal bool ReadOnlyCommand { get; set; }
}
