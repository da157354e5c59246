using CoachBot.Core.OneOnOnes;

namespace CoachBot.Storage.OneOnOnes;

/// <summary>A <c>question|{yyyyMMdd}|{id}</c> row in its pairing's partition; no personal data.</summary>
internal sealed class AskedQuestionEntity : TableRow
{
    public string PairingId { get; set; } = string.Empty;
    public string QuestionId { get; set; } = string.Empty;
    public string MeetingDate { get; set; } = string.Empty;
    public int Order { get; set; }

    public static AskedQuestionEntity From(AskedQuestion question, string rowKey) => new()
    {
        PartitionKey = question.PairingId,
        RowKey = rowKey,
        PairingId = question.PairingId,
        QuestionId = question.QuestionId,
        MeetingDate = question.MeetingDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Order = question.Order,
    };

    public AskedQuestion ToQuestion() => new(
        PairingId, QuestionId, DateOnly.ParseExact(MeetingDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Order);
}
