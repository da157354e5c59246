namespace CoachBot.Host.Local;

/// <summary>Body of <c>POST /api/local/messages</c>: text or an action, from a local user.</summary>
public sealed class LocalMessageRequest
{
    public string? UserId { get; set; }

    public string? Text { get; set; }

    public LocalActionRequest? Action { get; set; }

    /// <summary>Optional id of this message; a repeat with the same id is ignored.</summary>
    public string? MessageId { get; set; }

    /// <summary>Optional locale hint, e.g. ja-JP.</summary>
    public string? Locale { get; set; }

    /// <summary>
    /// Optional channel the message is posted in, e.g. <c>#team-a</c>; absent for a direct message. Whoever posts in a
    /// channel counts as its member (for team reflections).
    /// </summary>
    public string? ChannelId { get; set; }

    /// <summary>Optional IANA time zone hint (the playground sends the browser's).</summary>
    public string? TimeZone { get; set; }
}
