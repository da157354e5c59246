namespace CoachBot.Core.OneOnOnes;

/// <summary>Which of <see cref="OneOnOneLimits"/> an addition would break, if any.</summary>
public enum OneOnOneLimit
{
    None,
    Notes,
    OpenActionItems,
    ActionItems,
    WaitingTalkingPoints,
}
