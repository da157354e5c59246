namespace CoachBot.Core.Users;

/// <summary>
/// What a channel's own directory says about a person the bot has not met yet (Slack: users.info). Used when someone
/// is named in a command, e.g. the report of a new 1-on-1, so their first message from the bot is in their language
/// and their prompts come at their local time. A channel without a directory simply has none registered.
/// </summary>
public interface IPersonDirectory
{
    /// <summary>The channel this directory answers for (<see cref="UserRef.Channel"/>).</summary>
    string Channel { get; }

    /// <summary>What the directory knows, or null when it could not be asked; never throws for a lookup failure.</summary>
    Task<PersonHints?> FindAsync(UserRef person, CancellationToken cancellationToken);
}

/// <summary>A person as their chat service describes them.</summary>
/// <param name="TimeZone">IANA time zone, when the service has one.</param>
/// <param name="Locale">e.g. ja-JP, when the service has one.</param>
/// <param name="IsBot">An app or bot account, not a person.</param>
/// <param name="Deactivated">The account was deactivated (left the workspace).</param>
public sealed record PersonHints(string? TimeZone, string? Locale, bool IsBot = false, bool Deactivated = false);
