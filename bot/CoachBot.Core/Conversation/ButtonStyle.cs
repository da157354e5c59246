namespace CoachBot.Core.Conversation;

/// <summary>How prominent a button is.</summary>
public enum ButtonStyle
{
    Default,
    Primary,
    Danger,
}
