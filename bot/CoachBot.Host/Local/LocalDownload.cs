namespace CoachBot.Host.Local;

/// <summary>A file kept by <see cref="LocalDownloads"/> until <see cref="ExpiresAt"/>.</summary>
public sealed record LocalDownload(string FileName, string MediaType, ReadOnlyMemory<byte> Content, DateTimeOffset ExpiresAt);
