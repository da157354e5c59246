namespace CoachBot.Storage.Tests.Stores;

/// <summary>One request <see cref="TableRequestRecorder"/> saw: method, physical table, row keys (if any) and filter.</summary>
internal sealed record TableRequest(string Method, string Table, string Keys, string? Filter)
{
    /// <summary>A read of many rows (a query) rather than of one row by its keys.</summary>
    public bool IsQuery => Method == "GET" && Keys is "" or "()";

    public override string ToString() => $"{Method} {Table}{Keys} $filter={Filter}";
}
