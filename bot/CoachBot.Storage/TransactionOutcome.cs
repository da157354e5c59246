using Azure;

namespace CoachBot.Storage;

/// <summary>How a transaction ended: written (with each action's new ETag), or refused by one action's condition.</summary>
/// <param name="FailedAction">The index of the action whose condition failed; null when everything was written, -1
/// when the service did not say which.</param>
/// <param name="Status">409, 412 or 404 when refused; 0 when written.</param>
/// <param name="ETags">Per action, when written (default for deletes).</param>
public sealed record TransactionOutcome(int? FailedAction, int Status, IReadOnlyList<ETag> ETags)
{
    public bool Written => FailedAction is null;
}
