namespace CoachBot.Core.OneOnOnes;

/// <summary>
/// How much one pairing may hold (docs/decisions/0020-export-delivery-and-limits.md). Every agenda, history and
/// export reads a pairing's notes and items whole, so without a bound one busy (or scripted) pair would make each of
/// those slower forever. The limits sit far above what a year of weekly 1-on-1s writes.
/// </summary>
public static class OneOnOneLimits
{
    /// <summary>Notes one pairing keeps (both people's together).</summary>
    public const int MaxNotesPerPairing = 500;

    /// <summary>Action items open at once in one pairing; closing one (<c>1on1 done</c>) makes room.</summary>
    public const int MaxOpenActionItemsPerPairing = 200;

    /// <summary>Action items one pairing keeps in all, done ones included.</summary>
    public const int MaxActionItemsPerPairing = 1000;

    /// <summary>Talking points one person has waiting for the next meeting of one pairing.</summary>
    public const int MaxWaitingTalkingPointsPerPairing = 100;
}
