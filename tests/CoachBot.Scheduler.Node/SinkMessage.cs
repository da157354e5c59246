namespace CoachBot.Scheduler.Node;

/// <summary>What the sink receives for one message: the user's key (<c>local|tenant|id</c>), the text and the sender.</summary>
public sealed record SinkMessage(string User, string Text, string Replica);
