namespace CoachBot.Teams;

/// <summary>How CoachBot gets its Bot Connector tokens (<c>Teams:Credential</c>); see ADR 0032.</summary>
public enum TeamsCredential
{
    /// <summary>The app registration's client secret, <c>Teams:AppPassword</c>.</summary>
    ClientSecret,

    /// <summary>
    /// The user-assigned managed identity the Azure Bot is registered with (msaAppType UserAssignedMSI): the identity's
    /// client id is <c>Teams:AppId</c>, and its token for the connector comes from the platform's identity endpoint.
    /// </summary>
    ManagedIdentity,

    /// <summary>
    /// An app registration with a federated identity credential that trusts a managed identity: the identity's token
    /// for <c>api://AzureADTokenExchange</c> is the client assertion in place of a secret.
    /// </summary>
    FederatedCredential,
}
