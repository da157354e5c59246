namespace CoachBot.Core.Scheduling;

/// <summary>
/// A row of the due index: one occurrence of one schedule, waiting to be sent. Dispatchers on any replica find it by
/// its minute bucket and claim it with a conditional update before doing anything.
/// </summary>
/// <param name="Key">The schedule.</param>
/// <param name="Occurrence">What is due.</param>
public sealed record DueItem(ScheduleKey Key, Occurrence Occurrence)
{
    /// <summary>The replica holding the claim, or null.</summary>
    public string? ClaimedBy { get; init; }

    /// <summary>Until when the claim holds; after it another replica may take the row over.</summary>
    public DateTimeOffset? ClaimedUntil { get; init; }

    /// <summary>How many times the row has been claimed.</summary>
    public int Attempts { get; init; }

    /// <summary>Identifies the delivery across attempts; written to the ledger row, set on the first claim.</summary>
    public string? DeliveryToken { get; init; }

    /// <summary>
    /// True only when the last attempt is known to have failed before anything reached the user (a transient send
    /// failure was recorded). Then the next claim may send again under the same token; otherwise a ledger row that
    /// already exists means "sent, or in doubt", and nothing is sent again.
    /// </summary>
    public bool LastAttemptFailed { get; init; }

    /// <summary>A fresh id per claim, so a store can recognise its own claim when a retried write reports a conflict.</summary>
    public string? ClaimId { get; init; }

    /// <summary>The store's concurrency token.</summary>
    public string? Version { get; init; }

    /// <summary>True for a row a store read in its previous layout, before ADR 0039 (store-specific; others ignore it).</summary>
    public bool InOldLayout { get; init; }

    /// <summary>
    /// The row as <paramref name="claimant"/> claims it until <paramref name="until"/>: one more attempt, a fresh claim
    /// id, and a delivery token kept from the first claim on. What a store writes, conditional on <see cref="Version"/>.
    /// </summary>
    public DueItem ClaimFor(string claimant, DateTimeOffset until)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimant);
        return this with
        {
            ClaimedBy = claimant,
            ClaimedUntil = until,
            Attempts = Attempts + 1,
            DeliveryToken = DeliveryToken ?? Guid.NewGuid().ToString("N"),
            ClaimId = Guid.NewGuid().ToString("N"),
        };
    }

    /// <summary>True when another replica holds an unexpired claim at <paramref name="now"/>.</summary>
    public bool IsHeldAt(DateTimeOffset now) => ClaimedUntil is { } until && until > now;
}
