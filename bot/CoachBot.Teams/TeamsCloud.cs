namespace CoachBot.Teams;

/// <summary>
/// The Microsoft cloud the bot's Azure Bot and Teams tenant live in (setting <c>Teams:Cloud</c>). It picks the token
/// issuers, OpenID metadata, login host, connector scope and the serviceUrl hosts replies may go to; see
/// <see cref="TeamsClouds"/> for the values.
/// </summary>
public enum TeamsCloud
{
    /// <summary>Commercial Microsoft 365 and public Azure (the default).</summary>
    Public,

    /// <summary>Microsoft 365 GCC (moderate): public Azure Bot Service, Teams on its GCC service host.</summary>
    Gcc,

    /// <summary>Microsoft 365 GCC High: Azure Government Bot Service.</summary>
    GccHigh,

    /// <summary>Microsoft 365 DoD: Azure Government Bot Service.</summary>
    DoD,
}
