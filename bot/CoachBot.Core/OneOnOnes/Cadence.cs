namespace CoachBot.Core.OneOnOnes;

/// <summary>How often a pair meets.</summary>
public enum Cadence
{
    /// <summary>Every week on the pairing's day.</summary>
    Weekly,

    /// <summary>Every other week, counted from the first meeting.</summary>
    Biweekly,

    /// <summary>The first occurrence of the pairing's day in every month.</summary>
    Monthly,
}
