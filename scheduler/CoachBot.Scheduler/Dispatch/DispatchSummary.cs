namespace CoachBot.Scheduler.Dispatch;

/// <summary>What one dispatcher run did, by outcome.</summary>
public sealed record DispatchSummary(IReadOnlyDictionary<DeliveryOutcome, int> Outcomes)
{
    /// <summary>How many rows ended with <paramref name="outcome"/>.</summary>
    public int this[DeliveryOutcome outcome] => Outcomes.GetValueOrDefault(outcome);

    /// <summary>Rows looked at.</summary>
    public int Total => Outcomes.Values.Sum();
}
