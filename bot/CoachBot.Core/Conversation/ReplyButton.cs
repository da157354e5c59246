namespace CoachBot.Core.Conversation;

/// <summary>A button; pressing it sends a <see cref="TurnAction"/> with <see cref="ActionId"/> and <see cref="Values"/>.</summary>
public sealed record ReplyButton(string Label, string ActionId, IReadOnlyDictionary<string, string> Values, ButtonStyle Style = ButtonStyle.Default)
{
    /// <summary>A button that runs a typed command, e.g. a "help" button.</summary>
    public static ReplyButton Command(string label, string commandText, ButtonStyle style = ButtonStyle.Default) =>
        new(label, CommandActions.RunCommand, new Dictionary<string, string> { [CommandActions.TextValue] = commandText }, style);

    /// <summary>A button with one value.</summary>
    public static ReplyButton With(string label, string actionId, string key, string value, ButtonStyle style = ButtonStyle.Default) =>
        new(label, actionId, new Dictionary<string, string> { [key] = value }, style);
}
