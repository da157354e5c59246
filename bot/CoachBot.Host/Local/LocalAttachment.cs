namespace CoachBot.Host.Local;

/// <summary>A reply's file in the local channel's JSON: its name and type, and a link that works for 15 minutes.</summary>
public sealed record LocalAttachment(string FileName, string MediaType, string Url);
