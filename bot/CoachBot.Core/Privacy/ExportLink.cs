namespace CoachBot.Core.Privacy;

/// <summary>A download link for an export file and how long it works.</summary>
public sealed record ExportLink(string Url, TimeSpan Lifetime);
