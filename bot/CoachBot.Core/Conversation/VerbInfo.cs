namespace CoachBot.Core.Conversation;

/// <summary>What the bot knows about one verb besides how to run it: where help lists it and what a button may do with it.</summary>
/// <param name="Verb">The verb as typed, lowercase; a verb may hold spaces (<c>1on1 agenda</c>, <c>forget me</c>).</param>
/// <param name="Topic">The <see cref="HelpTopic"/> id whose page lists it.</param>
/// <param name="Safety">Whether a suggested button may run it.</param>
public sealed record VerbInfo(string Verb, string Topic, VerbSafety Safety)
{
    /// <summary>The verb in string keys: <c>verb.{Key}.usage</c> and <c>verb.{Key}.help</c>.</summary>
    public string Key => Verb.Replace(' ', '_');

    /// <summary>True when a button may run the verb with these arguments (empty for the bare verb).</summary>
    public bool SafeWith(string arguments) =>
        Safety == VerbSafety.ReadOnly || (Safety == VerbSafety.ReadOnlyWhenBare && string.IsNullOrWhiteSpace(arguments));
}
