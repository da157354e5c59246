namespace CoachBot.Core.Time;

/// <summary>An inclusive range of local dates, e.g. a pause from 1 to 14 August.</summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    /// <summary>True when the date is within the range, ends included.</summary>
    public bool Contains(DateOnly date) => date >= From && date <= To;
}
