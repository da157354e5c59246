namespace CoachBot.Scheduler.Tests.Support;

/// <summary>
/// The sink's deliveries against the ledger's rows for the seeded users: delivered (the sink has it), in doubt (a
/// ledger row but never at the sink: an attempt died between the ledger row and the send, and by design it is not
/// sent again) and missing (neither: nothing was attempted).
/// </summary>
public sealed record DeliveryAudit(IReadOnlyList<string> Delivered, IReadOnlyList<string> InDoubt, IReadOnlyList<string> Missing)
{
    public static DeliveryAudit Of(IEnumerable<string> users, DeliverySink sink, IReadOnlySet<string> ledger)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(ledger);
        var delivered = new List<string>();
        var inDoubt = new List<string>();
        var missing = new List<string>();
        foreach (var user in users)
        {
            (sink.CountFor(user) > 0 ? delivered : ledger.Contains(user) ? inDoubt : missing).Add(user);
        }

        return new DeliveryAudit(delivered, inDoubt, missing);
    }

    public override string ToString() =>
        $"{Delivered.Count} delivered, {InDoubt.Count} in doubt [{string.Join(", ", InDoubt.Take(40))}], {Missing.Count} missing [{string.Join(", ", Missing.Take(20))}]";
}
