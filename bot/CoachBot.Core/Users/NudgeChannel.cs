namespace CoachBot.Core.Users;

/// <summary>Where scheduled nudges go.</summary>
public enum NudgeChannel
{
    /// <summary>A direct message (Slack DM, Teams personal chat, local inbox).</summary>
    DirectMessage,

    /// <summary>Only the App Home / personal tab, no notification.</summary>
    AppHome,
}
