namespace CoachBot.Core.OneOnOnes;

/// <summary>Where a pairing is in its life: proposed by the manager, accepted, paused by either side, or ended.</summary>
public enum PairingState
{
    Proposed,
    Active,
    Paused,
    Ended,
}
