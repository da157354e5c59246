using Microsoft.Extensions.Logging;

namespace CoachBot.Testing.Logging;

/// <summary>One line written to a <see cref="RecordingLogger{T}"/>.</summary>
public sealed record RecordedLog(LogLevel Level, string Message, Exception? Exception);
