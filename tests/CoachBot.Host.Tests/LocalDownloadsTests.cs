using System.Text;
using CoachBot.Core.Conversation;
using CoachBot.Host.Local;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Host.Tests;

public sealed class LocalDownloadsTests
{
    private static readonly ReplyAttachment File = new("coachbot-export-2026-11-24.json", "application/json", Encoding.UTF8.GetBytes("{}"));

    [Fact]
    public void Add_File_ReturnsAnUnguessableLinkThatFindsIt()
    {
        var downloads = new LocalDownloads(new FakeTimeProvider());

        var url = downloads.Add(File);

        Assert.Matches("^/api/local/files/[A-Za-z0-9_-]{43}$", url);
        var found = downloads.Find(url[LocalDownloads.UrlPrefix.Length..]);
        Assert.NotNull(found);
        Assert.Equal((File.FileName, File.MediaType, "{}"), (found.FileName, found.MediaType, Encoding.UTF8.GetString(found.Content.Span)));
    }

    [Fact]
    public void Add_SameFileTwice_GivesTwoDifferentLinks()
    {
        var downloads = new LocalDownloads(new FakeTimeProvider());

        Assert.NotEqual(downloads.Add(File), downloads.Add(File));
    }

    [Fact]
    public void Find_UnknownToken_ReturnsNull()
    {
        var downloads = new LocalDownloads(new FakeTimeProvider());
        downloads.Add(File);

        Assert.Null(downloads.Find("not-a-token"));
    }

    [Fact]
    public void Find_JustBeforeFifteenMinutes_ReturnsTheFile()
    {
        var clock = new FakeTimeProvider();
        var downloads = new LocalDownloads(clock);
        var token = Token(downloads.Add(File));

        clock.Advance(LocalDownloads.Lifetime - TimeSpan.FromSeconds(1));

        Assert.NotNull(downloads.Find(token));
    }

    [Fact]
    public void Find_AfterFifteenMinutes_ReturnsNull()
    {
        var clock = new FakeTimeProvider();
        var downloads = new LocalDownloads(clock);
        var token = Token(downloads.Add(File));

        clock.Advance(LocalDownloads.Lifetime);

        Assert.Null(downloads.Find(token));
    }

    [Fact]
    public void Add_BeyondCapacity_DropsTheOldestFirst()
    {
        var downloads = new LocalDownloads(new FakeTimeProvider());
        var tokens = Enumerable.Range(0, LocalDownloads.Capacity + 1).Select(_ => Token(downloads.Add(File))).ToList();

        Assert.Null(downloads.Find(tokens[0]));
        Assert.NotNull(downloads.Find(tokens[1]));
        Assert.NotNull(downloads.Find(tokens[^1]));
    }

    private static string Token(string url) => url[LocalDownloads.UrlPrefix.Length..];
}
