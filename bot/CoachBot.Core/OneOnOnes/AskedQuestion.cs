namespace CoachBot.Core.OneOnOnes;

/// <summary>A question from the bank suggested for one meeting of a pairing; keeps it from coming back within 8 weeks.</summary>
/// <param name="PairingId">Which pairing.</param>
/// <param name="QuestionId">The question bank id (the same in every language).</param>
/// <param name="MeetingDate">The meeting it was suggested for, in the pairing's time zone.</param>
/// <param name="Order">
/// Its position on that agenda, so the agenda reads the same every time it is shown. The manager's questions count from
/// 0, the report's from <see cref="ReportOrderBase"/>: which side a question was chosen for is kept in the order, so a
/// question meant for both sides comes back on the side it was chosen for.
/// </param>
public sealed record AskedQuestion(string PairingId, string QuestionId, DateOnly MeetingDate, int Order)
{
    /// <summary>The first order of the report's questions of a meeting; orders below it are the manager's.</summary>
    public const int ReportOrderBase = 100;

    /// <summary>True when the question was chosen for the report's side.</summary>
    public bool ForReport => Order >= ReportOrderBase;
}
