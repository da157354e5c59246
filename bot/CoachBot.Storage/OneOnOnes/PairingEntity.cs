using CoachBot.Core.OneOnOnes;
using CoachBot.Core.Users;

namespace CoachBot.Storage.OneOnOnes;

/// <summary>The <c>pairing</c> row of a pairing's partition; both people's ids are columns.</summary>
internal sealed class PairingEntity : TableRow
{
    public string Id { get; set; } = string.Empty;
    public string Channel { get; set; } = string.Empty;
    public string TenantId { get; set; } = string.Empty;
    public string ManagerId { get; set; } = string.Empty;
    public string ReportId { get; set; } = string.Empty;
    public string Cadence { get; set; } = string.Empty;
    public string Day { get; set; } = string.Empty;
    public string Time { get; set; } = string.Empty;
    public string TimeZoneId { get; set; } = string.Empty;
    public string FirstMeeting { get; set; } = string.Empty;
    public string State { get; set; } = string.Empty;
    public bool ShareRecentPractice { get; set; }

    public bool ProposalHeld { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }

    public static PairingEntity From(Pairing pairing, string rowKey) => new()
    {
        PartitionKey = pairing.Id,
        RowKey = rowKey,
        Id = pairing.Id,
        Channel = pairing.Manager.Channel,
        TenantId = pairing.Manager.TenantId,
        ManagerId = pairing.Manager.UserId,
        ReportId = pairing.Report.UserId,
        Cadence = pairing.Cadence.ToString(),
        Day = pairing.Day.ToString(),
        Time = pairing.Time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        TimeZoneId = pairing.TimeZoneId,
        FirstMeeting = pairing.FirstMeeting.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        State = pairing.State.ToString(),
        ShareRecentPractice = pairing.ShareRecentPractice,
        ProposalHeld = pairing.ProposalHeld,
        CreatedAt = TableDates.ToColumn(pairing.CreatedAt),
        UpdatedAt = TableDates.ToColumn(pairing.UpdatedAt),
        AcceptedAt = pairing.AcceptedAt,
    };

    public Pairing ToPairing() => new(
        Id,
        new UserRef(Channel, TenantId, ManagerId),
        new UserRef(Channel, TenantId, ReportId),
        Enum.Parse<Cadence>(Cadence),
        Enum.Parse<DayOfWeek>(Day),
        TimeOnly.ParseExact(Time, "HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        TimeZoneId,
        DateOnly.ParseExact(FirstMeeting, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Enum.Parse<PairingState>(State))
    {
        ShareRecentPractice = ShareRecentPractice,
        ProposalHeld = ProposalHeld,
        CreatedAt = TableDates.FromColumn(CreatedAt),
        UpdatedAt = TableDates.FromColumn(UpdatedAt),
        AcceptedAt = AcceptedAt,
        Version = ETag.ToString(),
    };
}
