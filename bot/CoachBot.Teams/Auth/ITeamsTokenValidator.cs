namespace CoachBot.Teams.Auth;

/// <summary>
/// Checks the <c>Authorization: Bearer</c> JWT of an inbound activity exactly as the Bot Framework requires: issuer
/// (Bot Framework, or Entra for the bot's tenant), audience = <see cref="TeamsOptions.AppId"/>, RS256/384/512 signature
/// by a key from the OpenID metadata that is endorsed for the activity's channel, lifetime with 5 minutes of skew,
/// and the <c>serviceurl</c> claim equal to the activity's serviceUrl. Entra tokens must also come from an app in
/// <see cref="TeamsOptions.AllowedCallers"/> and carry the bot's tenant (<c>tid</c>) and a matching <c>serviceurl</c>.
/// </summary>
public interface ITeamsTokenValidator
{
    Task<TeamsAuthResult> ValidateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken);
}

/// <summary>The outcome: valid, or why not (for the log; callers answer 401 without details).</summary>
public sealed record TeamsAuthResult(bool IsValid, string? Failure = null)
{
    public static TeamsAuthResult Valid { get; } = new(true);

    public static TeamsAuthResult Invalid(string failure) => new(false, failure);
}
