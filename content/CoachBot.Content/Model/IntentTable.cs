namespace CoachBot.Content.Model;

/// <summary>
/// How people say commands in one language (content/&lt;lang&gt;/intents.yaml): the words typed in place of a
/// command's verb, and the everyday phrasings that stand for a whole command. A table, not a language model: a
/// message is understood only when its words or its whole text are in it.
/// </summary>
/// <param name="Words">Words typed in place of a verb, e.g. 「完了」 for <c>done</c>; arguments may follow them.</param>
/// <param name="Intents">Whole messages that run a command, e.g. "I did it" for <c>done</c>.</param>
public sealed record IntentTable(IReadOnlyList<CommandWord> Words, IReadOnlyList<Intent> Intents)
{
    /// <summary>A table with nothing in it.</summary>
    public static IntentTable Empty { get; } = new([], []);
}
