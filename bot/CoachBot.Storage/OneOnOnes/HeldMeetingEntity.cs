using System.Globalization;

namespace CoachBot.Storage.OneOnOnes;

/// <summary>A <c>held|{yyyyMMdd}</c> row in its pairing's partition: the meeting took place. No personal data.</summary>
internal sealed class HeldMeetingEntity : TableRow
{
    public string PairingId { get; set; } = string.Empty;
    public string MeetingDate { get; set; } = string.Empty;

    public DateOnly ToDate() => DateOnly.ParseExact(MeetingDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
