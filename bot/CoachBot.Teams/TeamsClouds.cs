namespace CoachBot.Teams;

/// <summary>
/// The one readable list of Microsoft hosts CoachBot trusts per cloud (docs/decisions/0016 cites where each value
/// is documented). Changing a value here changes inbound token checks and where replies, nudges and tokens may go.
/// </summary>
public static class TeamsClouds
{
    /// <summary>Commercial cloud: Bot Connector tokens from api.botframework.com; Teams serviceUrls on smba.trafficmanager.net.</summary>
    public static TeamsCloudEndpoints Public { get; } = new(
        "https://api.botframework.com",
        new Uri("https://login.botframework.com/v1/.well-known/openidconfiguration"),
        "login.microsoftonline.com",
        "https://api.botframework.com/.default",
        ["smba.trafficmanager.net"],

        // The Bot Connector's own hosts (every *.botframework.com service is Microsoft's).
        ["botframework.com"]);

    /// <summary>GCC (moderate) runs on public Azure Bot Service; only Teams' service host differs.</summary>
    public static TeamsCloudEndpoints Gcc { get; } = Public with
    {
        ServiceUrlHosts = ["smba.infra.gcc.teams.microsoft.com"],
        ServiceUrlDomains = [],
    };

    /// <summary>GCC High: Azure Government Bot Service (api.botframework.us) and the .us login host.</summary>
    public static TeamsCloudEndpoints GccHigh { get; } = new(
        "https://api.botframework.us",
        new Uri("https://login.botframework.azure.us/v1/.well-known/openidconfiguration"),
        "login.microsoftonline.us",
        "https://api.botframework.us/.default",
        ["smba.infra.gov.teams.microsoft.us"],
        []);

    /// <summary>DoD: as GCC High, with the DoD Teams service host.</summary>
    public static TeamsCloudEndpoints DoD { get; } = GccHigh with { ServiceUrlHosts = ["smba.infra.dod.teams.microsoft.us"] };

    /// <summary>The endpoints of <paramref name="cloud"/>.</summary>
    public static TeamsCloudEndpoints For(TeamsCloud cloud) => cloud switch
    {
        TeamsCloud.Public => Public,
        TeamsCloud.Gcc => Gcc,
        TeamsCloud.GccHigh => GccHigh,
        TeamsCloud.DoD => DoD,
        _ => throw new ArgumentOutOfRangeException(nameof(cloud), cloud, "Teams:Cloud must be Public, Gcc, GccHigh or DoD."),
    };
}
