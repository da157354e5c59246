using Microsoft.Extensions.Logging;

namespace CoachBot.Scheduler.Node;

/// <summary>The replica's own log lines; the tests read stdout.</summary>
public static partial class NodeLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler node {Replica} started (pid {ProcessId})")]
    public static partial void Started(ILogger logger, string replica, int processId);
}
