namespace CoachBot.Core.Conversation;

/// <summary>
/// A form: inputs and a submit button. Submitting sends a <see cref="TurnAction"/> with <see cref="SubmitActionId"/>
/// and every input's value by input id (multi-choice values comma-separated).
/// </summary>
public sealed record ReplyForm(string SubmitActionId, string Title, string SubmitLabel, IReadOnlyList<ReplyInput> Inputs);
