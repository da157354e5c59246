namespace CoachBot.Core.Conversation;

/// <summary>A file sent with a reply (e.g. the `export` JSON). Edges upload it or offer a download link.</summary>
public sealed record ReplyAttachment(string FileName, string MediaType, ReadOnlyMemory<byte> Content);
