using CoachBot.Core.Delivery;
using CoachBot.Core.Users;

namespace CoachBot.Scheduler.Tests.Dispatch;

/// <summary>One ledger write the dispatcher made: when (fake clock), for whom, which key, and what the ledger said.</summary>
public sealed record LedgerEntry(DateTimeOffset At, UserRef? User, string Key, string Holder, LedgerRecord Result)
{
    /// <summary>The kind, the first part of the key (<c>nudge</c>, <c>prep24</c>, <c>reflection-open</c>...).</summary>
    public string Kind => Key[..Key.IndexOf(':', StringComparison.Ordinal)];

    /// <summary>The occurrence id, the last part of the key.</summary>
    public string Occurrence => Key[(Key.LastIndexOf(':') + 1)..];
}
