namespace CoachBot.Teams.Connector;

/// <summary>Client-credentials access tokens for the Bot Connector (cached by the implementation).</summary>
public interface ITeamsAccessTokenProvider
{
    /// <summary>A bearer token for the connector scope. The token is a secret: never log it.</summary>
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}
