namespace CoachBot.Core.Conversation;

/// <summary>The built-in action that runs a command as if it had been typed.</summary>
public static class CommandActions
{
    public const string RunCommand = "command.run";

    public const string TextValue = "text";
}
