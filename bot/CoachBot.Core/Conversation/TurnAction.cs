namespace CoachBot.Core.Conversation;

/// <summary>A button press or form submission: the action id the reply offered and the values entered.</summary>
public sealed record TurnAction(string Id, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>The value for a key, trimmed, or null when missing or blank.</summary>
    public string? Value(string key) =>
        Values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
