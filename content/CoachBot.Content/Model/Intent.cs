namespace CoachBot.Content.Model;

/// <summary>Everyday phrasings of one command, e.g. "how am I doing?" for <c>progress</c>.</summary>
/// <param name="Id">The same in every language.</param>
/// <param name="Command">The command the phrasings run: a verb, optionally with arguments.</param>
/// <param name="Phrases">Whole messages, compared by their <see cref="PhraseKey"/>.</param>
/// <param name="Line">Where the intent starts in intents.yaml.</param>
public sealed record Intent(string Id, string Command, IReadOnlyList<string> Phrases, long Line);
