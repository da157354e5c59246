namespace CoachBot.Storage.Privacy;

/// <summary>One file the bot uploaded for a user: the id is the (encoded) RowKey and a column.</summary>
internal sealed class UploadedFileEntity : UserTableRow
{
    public string FileId { get; set; } = string.Empty;

    public DateTimeOffset? UploadedAt { get; set; }

    public static UploadedFileEntity From(Core.Users.UserRef user, string fileId, DateTimeOffset uploadedAt)
    {
        var row = Create<UploadedFileEntity>(user, TableKeys.ForUser(user), TableKeys.Encode(fileId));
        row.FileId = fileId;
        row.UploadedAt = TableDates.ToColumn(uploadedAt);
        return row;
    }
}
