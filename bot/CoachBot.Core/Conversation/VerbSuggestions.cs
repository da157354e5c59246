namespace CoachBot.Core.Conversation;

/// <summary>What a text that is no command most likely meant.</summary>
/// <param name="Typed">The words taken as the mistyped command, as typed (for "I don't know …").</param>
/// <param name="Suggestions">The nearest verbs, nearest first; may be empty.</param>
/// <param name="Group">The group the text starts with or nearly does (<c>1on1</c>), as written; null for none.</param>
/// <param name="GroupVerb">A verb of that group, to find its help topic; null for none.</param>
public sealed record VerbSuggestions(string Typed, IReadOnlyList<Suggestion> Suggestions, string? Group, string? GroupVerb)
{
    /// <summary>True when there is anything to suggest.</summary>
    public bool Any => Suggestions.Count > 0 || Group is not null;
}
