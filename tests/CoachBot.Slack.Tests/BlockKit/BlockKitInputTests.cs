using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;
using CoachBot.Slack.BlockKit;
using static CoachBot.Slack.Tests.BlockKit.BlockKitMessageTests;

namespace CoachBot.Slack.Tests.BlockKit;

public sealed class BlockKitInputTests
{
    private readonly BlockKitRenderer _renderer = new();

    private JsonNode Block(string inputId) =>
        _renderer.RenderModal(new Reply { Text = string.Empty, Form = SampleForms.Settings }, "m")["blocks"]!.AsArray()
            .Single(b => (string?)b!["block_id"] == inputId)!;

    [Fact]
    public void Text_IsAPlainTextInputWithMaxLengthPlaceholderAndInitialValue() => AssertJson("""
        {"type":"input","block_id":"time_zone","optional":false,"label":{"type":"plain_text","text":"Time zone"},
         "element":{"type":"plain_text_input","max_length":64,"initial_value":"Asia/Tokyo","action_id":"time_zone",
                    "placeholder":{"type":"plain_text","text":"Asia/Tokyo"}}}
        """, Block("time_zone"));

    [Fact]
    public void MultilineText_IsMultilineWithMaxLengthCappedAt3000() => AssertJson("""
        {"type":"input","block_id":"note","optional":true,"label":{"type":"plain_text","text":"Note"},
         "element":{"type":"plain_text_input","multiline":true,"max_length":3000,"action_id":"note"}}
        """, Block("note"));

    [Fact]
    public void Choice_IsAStaticSelectWithTheMatchingInitialOption() => AssertJson("""
        {"type":"input","block_id":"language","optional":false,"label":{"type":"plain_text","text":"Language"},
         "element":{"type":"static_select","options":[
            {"text":{"type":"plain_text","text":"English"},"value":"en"},
            {"text":{"type":"plain_text","text":"日本語"},"value":"ja"}],
          "initial_option":{"text":{"type":"plain_text","text":"日本語"},"value":"ja"},"action_id":"language"}}
        """, Block("language"));

    [Fact]
    public void MultiChoice_IsAMultiStaticSelectWithTheCommaSeparatedInitialOptions() => AssertJson("""
        {"type":"input","block_id":"working_days","optional":true,"label":{"type":"plain_text","text":"Working days"},
         "element":{"type":"multi_static_select","options":[
            {"text":{"type":"plain_text","text":"Mon"},"value":"mon"},
            {"text":{"type":"plain_text","text":"Tue"},"value":"tue"},
            {"text":{"type":"plain_text","text":"Wed"},"value":"wed"}],
          "initial_options":[{"text":{"type":"plain_text","text":"Mon"},"value":"mon"},{"text":{"type":"plain_text","text":"Wed"},"value":"wed"}],
          "action_id":"working_days"}}
        """, Block("working_days"));

    [Fact]
    public void Time_IsATimepickerWithHHmm() => AssertJson("""
        {"type":"input","block_id":"nudge_time","optional":false,"label":{"type":"plain_text","text":"Nudge time"},
         "element":{"type":"timepicker","initial_time":"07:05","action_id":"nudge_time"}}
        """, Block("nudge_time"));

    [Fact]
    public void Date_IsADatepickerWithIsoDate() => AssertJson("""
        {"type":"input","block_id":"pause_until","optional":true,"label":{"type":"plain_text","text":"Pause until"},
         "element":{"type":"datepicker","initial_date":"2026-12-24","action_id":"pause_until",
                    "placeholder":{"type":"plain_text","text":"2026-12-08"}}}
        """, Block("pause_until"));

    [Fact]
    public void Choice_WithUnknownInitialValue_HasNoInitialOption_AndUnparsableTimeHasNoInitialTime()
    {
        var form = new ReplyForm("a.b", "T", "S",
        [
            new ReplyInput("c", "C", InputKind.Choice) { Choices = [new ReplyChoice("One", "1")], InitialValue = "9" },
            new ReplyInput("t", "T", InputKind.Time) { InitialValue = "soon" },
            new ReplyInput("d", "D", InputKind.Date) { InitialValue = "24/12/2026" },
        ]);

        var blocks = _renderer.RenderModal(new Reply { Text = "x", Form = form }, "m")["blocks"]!.AsArray();

        Assert.Null(blocks[1]!["element"]!["initial_option"]);
        Assert.Null(blocks[2]!["element"]!["initial_time"]);
        Assert.Null(blocks[3]!["element"]!["initial_date"]);
    }

    [Fact]
    public void Choice_WithoutOptions_FallsBackToATextInput()
    {
        var form = new ReplyForm("a.b", "T", "S", [new ReplyInput("c", "C", InputKind.Choice)]);

        var view = _renderer.RenderModal(new Reply { Text = "x", Form = form }, "m");

        Assert.Equal("plain_text_input", (string?)view["blocks"]![1]!["element"]!["type"]);
        Assert.Empty(BlockKitLimits.Check(view));
    }
}
