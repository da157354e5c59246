using System.Text;
using CoachBot.Core.Conversation;
using CoachBot.Host.Local;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Host.Tests;

public sealed class LocalReplyTests
{
    [Fact]
    public void LocalReply_Properties_MatchReplyOneForOne()
    {
        // A field added to Reply must reach the local channel too; this fails until LocalReply carries it.
        static string[] Names(Type type) => [.. type.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal)];

        Assert.Equal(Names(typeof(Reply)), Names(typeof(LocalReply)));
    }

    [Fact]
    public void From_ReplyWithAttachment_KeepsEveryFieldAndLinksTheFile()
    {
        var downloads = new LocalDownloads(new FakeTimeProvider());
        var reply = new Reply
        {
            Text = "Here is your file",
            Sections = [new ReplySection { Title = "Export" }],
            Buttons = [ReplyButton.Command("Help", "help")],
            Attachments = [new ReplyAttachment("a.json", "application/json", Encoding.UTF8.GetBytes("[]"))],
            IsError = true,
        };

        var local = LocalReply.From(reply, downloads);

        Assert.Equal((reply.Text, reply.IsError), (local.Text, local.IsError));
        Assert.Same(reply.Sections, local.Sections);
        Assert.Same(reply.Buttons, local.Buttons);
        var attachment = Assert.Single(local.Attachments);
        Assert.Equal(("a.json", "application/json"), (attachment.FileName, attachment.MediaType));
        Assert.Equal("a.json", downloads.Find(attachment.Url[LocalDownloads.UrlPrefix.Length..])?.FileName);
    }
}
