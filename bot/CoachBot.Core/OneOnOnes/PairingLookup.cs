namespace CoachBot.Core.OneOnOnes;

/// <summary>The result of looking for one of the requester's pairings.</summary>
/// <param name="Pairing">The pairing found; null when none matched or several did and no person was named.</param>
/// <param name="Matches">How many matched.</param>
public sealed record PairingLookup(Pairing? Pairing, int Matches)
{
    public static readonly PairingLookup None = new(null, 0);
}
