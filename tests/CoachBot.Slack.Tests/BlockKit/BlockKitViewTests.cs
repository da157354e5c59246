using CoachBot.Core.Conversation;
using CoachBot.Slack.BlockKit;
using Microsoft.Extensions.DependencyInjection;
using static CoachBot.Slack.Tests.BlockKit.BlockKitMessageTests;

namespace CoachBot.Slack.Tests.BlockKit;

public sealed class BlockKitViewTests
{
    private readonly BlockKitRenderer _renderer = new();

    [Fact]
    public void Modal_HasCallbackTitleSubmitMetadataTextThenInputs()
    {
        var reply = new Reply { Text = "Change what you like & save.", Form = SampleForms.Settings };

        var view = _renderer.RenderModal(reply, "meta-1");

        Assert.Equal("modal", (string?)view["type"]);
        Assert.Equal("settings.save", (string?)view["callback_id"]);
        Assert.Equal("meta-1", (string?)view["private_metadata"]);
        AssertJson("""{"type":"plain_text","text":"Your settings"}""", view["title"]);
        AssertJson("""{"type":"plain_text","text":"Save"}""", view["submit"]);
        Assert.Null(view["close"]);
        var blocks = view["blocks"]!.AsArray();
        AssertJson("""{"type":"section","text":{"type":"mrkdwn","text":"Change what you like &amp; save."}}""", blocks[0]);
        Assert.Equal(["section", "input", "input", "input", "input", "input", "input"], blocks.Select(b => (string?)b!["type"]));
        Assert.Empty(BlockKitLimits.Check(view));
    }

    [Fact]
    public void Modal_LongTitleAndSubmitAreCutTo24()
    {
        var form = new ReplyForm("skills.save", "Self-assessment for November 2026", "Save my self-assessment now", SampleForms.Settings.Inputs);

        var view = _renderer.RenderModal(new Reply { Text = string.Empty, Form = form }, string.Empty);

        Assert.Equal("Self-assessment for Nov…", (string?)view["title"]!["text"]);
        Assert.Equal(24, ((string)view["submit"]!["text"]!).Length);
        Assert.Equal("input", (string?)view["blocks"]![0]!["type"]);
        Assert.Empty(BlockKitLimits.Check(view));
    }

    [Fact]
    public void Modal_MetadataOverTheLimit_IsRefusedWithAClearMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => _renderer.RenderModal(new Reply { Text = "x", Form = SampleForms.Settings }, new string('m', 3001)));

        Assert.Contains("3000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Modal_WithoutAForm_ShowsTheReplyWithoutSubmit()
    {
        var reply = new Reply { Text = "Saved.\nSee you tomorrow.", Buttons = [ReplyButton.Command("Progress", "progress")] };

        var view = _renderer.RenderModal(reply, "m");

        Assert.Equal("Saved.", (string?)view["title"]!["text"]);
        Assert.Null(view["submit"]);
        Assert.Equal(["section", "actions"], view["blocks"]!.AsArray().Select(b => (string?)b!["type"]));
        Assert.Empty(BlockKitLimits.Check(view));
    }

    [Fact]
    public void Home_RendersLikeAMessageWithAFormOpener()
    {
        var dashboard = new Reply
        {
            Text = "Good morning",
            Sections = [new ReplySection { Title = "Streak", Fields = [new ReplyField("Days", "4")] }],
            Buttons = [ReplyButton.Command("Today", "today", ButtonStyle.Primary)],
            Form = SampleForms.Settings,
        };

        var view = _renderer.RenderHome(dashboard);

        Assert.Equal("home", (string?)view["type"]);
        var blocks = view["blocks"]!.AsArray();
        Assert.Equal(["header", "section", "actions"], blocks.Select(b => (string?)b!["type"]));
        var opener = blocks[^1]!["elements"]![1]!;
        var action = SlackActionCodec.Decode((string?)opener["action_id"], (string?)opener["value"])!;
        Assert.Equal(SlackActionCodec.OpenFormAction, action.Id);
        Assert.Equal("settings.save", action.Values[BlockKitRenderer.HomeFormValueKey]);
        Assert.Empty(BlockKitLimits.Check(view));
    }

    [Fact]
    public void SubmissionErrors_GoToTheNamedInput()
    {
        var failure = new Reply { Text = "\"25:00\" is not a time.", IsError = true, ErrorInputId = "nudge_time" };

        var body = _renderer.RenderSubmissionErrors(failure, SampleForms.Settings);

        AssertJson("""{"response_action":"errors","errors":{"nudge_time":"\"25:00\" is not a time."}}""", body);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not_an_input")]
    public void SubmissionErrors_WithoutAKnownInput_GoToTheFirstInput(string? inputId)
    {
        var failure = new Reply { Text = new string('e', 5000), IsError = true, ErrorInputId = inputId };

        var body = _renderer.RenderSubmissionErrors(failure, SampleForms.Settings);

        var errors = body["errors"]!.AsObject();
        var (key, value) = Assert.Single(errors);
        Assert.Equal("time_zone", key);
        Assert.Equal(BlockKitRenderer.SubmissionErrorText, ((string)value!).Length);
        Assert.EndsWith("…", (string)value!, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSlackBlockKit_RegistersOneSingletonRenderer()
    {
        using var provider = new ServiceCollection().AddSlackBlockKit().AddSlackBlockKit().BuildServiceProvider();

        var first = provider.GetRequiredService<IBlockKitRenderer>();

        Assert.IsType<BlockKitRenderer>(first);
        Assert.Same(first, provider.GetRequiredService<IBlockKitRenderer>());
        Assert.Single(provider.GetServices<IBlockKitRenderer>());
    }
}
