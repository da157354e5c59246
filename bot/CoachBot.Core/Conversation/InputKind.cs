namespace CoachBot.Core.Conversation;

/// <summary>What an input asks for.</summary>
public enum InputKind
{
    Text,
    MultilineText,
    Choice,
    MultiChoice,
    Time,
    Date,
}
