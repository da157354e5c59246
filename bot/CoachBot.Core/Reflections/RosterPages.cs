namespace CoachBot.Core.Reflections;

/// <summary>One page of a platform's member list: what it holds and the cursor of the next page (null or empty on the last).</summary>
/// <typeparam name="T">What the roster keeps of each member.</typeparam>
public readonly record struct RosterPage<T>(IEnumerable<T> Items, string? Next);

/// <summary>
/// Reads a platform's member list page by page for an <see cref="IChannelRoster"/> (Slack's conversations.members,
/// the Bot Connector's pagedmembers): each page names the cursor of the next, and at most a set number of pages are
/// read, so one very large channel cannot keep a round from opening.
/// </summary>
public static class RosterPages
{
    /// <summary>At most this many pages are read (10,000 members at 200 a page): a team reflection is for a team.</summary>
    public const int MaxPages = 50;

    /// <summary>Reads pages from the first (cursor null) until one names no next page, or <paramref name="maxPages"/> were read.</summary>
    /// <param name="readPage">Reads the page at a cursor; what it throws is thrown from here, with nothing returned.</param>
    /// <param name="maxPages">The most pages read; <see cref="MaxPages"/> unless a test needs fewer.</param>
    /// <param name="cancellationToken">Passed to every <paramref name="readPage"/>.</param>
    /// <returns>
    /// The items of the pages read, in order; <c>Complete</c> is false when the last page read still named a next one
    /// (the list was cut at <paramref name="maxPages"/> pages).
    /// </returns>
    public static async Task<(IReadOnlyList<T> Items, bool Complete)> ReadAsync<T>(
        Func<string?, CancellationToken, Task<RosterPage<T>>> readPage, int maxPages = MaxPages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readPage);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPages, 1);
        var items = new List<T>();
        string? cursor = null;
        for (var page = 0; page < maxPages; page++)
        {
            var read = await readPage(cursor, cancellationToken);
            items.AddRange(read.Items);
            if (string.IsNullOrEmpty(cursor = read.Next))
            {
                return (items, true);
            }
        }

        return (items, false);
    }
}
