using CoachBot.Core.Reflections;

namespace CoachBot.Core.Tests.Reflections;

/// <summary>The pager both platform rosters read their member lists with.</summary>
public sealed class RosterPagesTests
{
    [Fact]
    public async Task ReadAsync_FollowsCursorsUntilOneIsMissing_InOrder()
    {
        var pages = new Dictionary<string, RosterPage<int>>(StringComparer.Ordinal)
        {
            [string.Empty] = new([1, 2], "b"),
            ["b"] = new([3], "c"),
            ["c"] = new([4, 5], null),
        };
        var asked = new List<string?>();

        var (items, complete) = await RosterPages.ReadAsync(
            (cursor, _) =>
            {
                asked.Add(cursor);
                return Task.FromResult(pages[cursor ?? string.Empty]);
            },
            maxPages: 10,
            CancellationToken.None);

        Assert.Equal([1, 2, 3, 4, 5], items);
        Assert.True(complete);
        Assert.Equal([null, "b", "c"], asked);
    }

    [Fact]
    public async Task ReadAsync_EmptyCursor_EndsLikeNone()
    {
        var calls = 0;

        var (items, complete) = await RosterPages.ReadAsync(
            (_, _) => Task.FromResult(new RosterPage<int>([++calls], string.Empty)), maxPages: 10, CancellationToken.None);

        Assert.Equal([1], items);
        Assert.True(complete);
    }

    [Fact]
    public async Task ReadAsync_MorePagesThanTheLimit_StopsThereAndSaysSo()
    {
        var calls = 0;

        var (items, complete) = await RosterPages.ReadAsync(
            (_, _) => Task.FromResult(new RosterPage<int>([++calls], "more")), maxPages: 3, CancellationToken.None);

        Assert.Equal([1, 2, 3], items);
        Assert.False(complete);
        Assert.Equal(3, calls);
    }
}
