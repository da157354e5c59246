using CoachBot.Core.OneOnOnes;

namespace CoachBot.Storage.OneOnOnes;

/// <summary>The TalkingPoints row of one point. The id is stored too: a long one is shortened in the RowKey.</summary>
internal sealed class TalkingPointEntity : UserTableRow
{
    public string Id { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public string? Source { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public static TalkingPointEntity From(TalkingPoint point, string partitionKey, string rowKey)
    {
        var row = Create<TalkingPointEntity>(point.User, partitionKey, rowKey);
        row.Id = point.Id;
        row.Text = point.Text;
        row.Source = point.Source;
        row.CreatedAt = TableDates.ToColumn(point.CreatedAt);
        return row;
    }

    public TalkingPoint ToTalkingPoint() => new(User(), Id, Text, Source, TableDates.FromColumn(CreatedAt));
}
