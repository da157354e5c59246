namespace CoachBot.Core.OneOnOnes;

/// <summary>Who may read a 1-on-1 note besides its author.</summary>
public enum NoteVisibility
{
    /// <summary>Both people of the pairing.</summary>
    Shared,

    /// <summary>Only the author; never shown to the other person, admins included.</summary>
    Private,
}
