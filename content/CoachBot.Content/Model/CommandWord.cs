namespace CoachBot.Content.Model;

/// <summary>A word (or a few) typed in place of a command, e.g. 「1on1 アジェンダ」 for <c>1on1 agenda</c>.</summary>
/// <param name="Text">What people type, as written in the file.</param>
/// <param name="Command">The command it stands for: a verb, optionally with its first arguments (<c>reading done</c>).</param>
/// <param name="Line">Where it is written in intents.yaml, for a start-up error that names the line.</param>
public sealed record CommandWord(string Text, string Command, long Line);
