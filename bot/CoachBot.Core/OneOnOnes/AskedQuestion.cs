namespace CoachBot.Core.OneOnOnes;

/// <summary>A question from the bank suggested for one meeting of a pairing; keeps it from coming back within 8 weeks.</summary>
/// <param name="PairingId">Which pairing.</param>
/// <param name="QuestionId">The question bank id (the same in every language).</param>
/// <param name="MeetingDate">The meeting it was suggested for, in the pairing's time zone.</param>
/// <param name="Order">Its position on that agenda, so the agenda reads the same every time it is shown.</param>
public sealed record AskedQuestion(string PairingId, string QuestionId, DateOnly MeetingDate, int Order);
