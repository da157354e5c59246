namespace CoachBot.Storage;

/// <summary>
/// Table Storage keeps DateTime values from 1601-01-01 on only. A record whose date was never set carries
/// <c>default(DateTimeOffset)</c> (year 1), which the service would reject, so that value is stored as a missing
/// property and read back as <c>default</c>.
/// </summary>
internal static class TableDates
{
    public static DateTimeOffset? ToColumn(DateTimeOffset value) => value == default ? null : value;

    public static DateTimeOffset FromColumn(DateTimeOffset? value) => value ?? default;
}
