namespace CoachBot.Core.Delivery;

/// <summary>What <see cref="IDeliveryLedger.RecordAsync"/> found.</summary>
public enum LedgerRecord
{
    /// <summary>The key was new: this call recorded it.</summary>
    New,

    /// <summary>The same holder recorded it before (an earlier attempt of the same delivery).</summary>
    SameHolder,

    /// <summary>Someone else recorded it: the thing was done already.</summary>
    Taken,
}
