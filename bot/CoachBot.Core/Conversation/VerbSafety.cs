namespace CoachBot.Core.Conversation;

/// <summary>
/// Whether a button the bot offers on its own (a typo suggestion, a help page) may run a verb. Only the person decides
/// to change something: a button that guesses what they meant never does it for them.
/// </summary>
public enum VerbSafety
{
    /// <summary>Shows something and changes nothing, with or without arguments (<c>today</c>, <c>1on1 agenda @bob</c>).</summary>
    ReadOnly,

    /// <summary>Bare, it shows something or opens a form (<c>settings</c>, <c>skills</c>); with arguments it saves them.</summary>
    ReadOnlyWhenBare,

    /// <summary>Changes something or acts on the person's behalf (<c>done</c>, <c>1on1 accept</c>, <c>export</c>).</summary>
    ChangesState,
}
