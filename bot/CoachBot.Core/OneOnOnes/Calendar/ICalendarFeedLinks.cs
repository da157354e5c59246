namespace CoachBot.Core.OneOnOnes.Calendar;

/// <summary>The host's addresses of calendar feeds (<c>GET /calendar/{token}.ics</c>).</summary>
public interface ICalendarFeedLinks
{
    /// <summary>
    /// The feed's address for <paramref name="token"/>: absolute when the host knows its public base URL; without
    /// one, a path for the local playground's <paramref name="channel"/> (the browser is on this host already) and
    /// null for any other, as no calendar app could open it.
    /// </summary>
    string? TryCreateUrl(string token, string channel);
}
