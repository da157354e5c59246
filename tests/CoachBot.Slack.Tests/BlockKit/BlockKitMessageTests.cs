using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;
using CoachBot.Slack.BlockKit;

namespace CoachBot.Slack.Tests.BlockKit;

public sealed class BlockKitMessageTests
{
    private readonly BlockKitRenderer _renderer = new();

    internal static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nactual   {actual?.ToJsonString()}");

    internal static void AssertValid(JsonArray blocks, string surface = BlockKitLimits.MessageSurface) =>
        Assert.Empty(BlockKitLimits.Check(blocks, surface));

    [Fact]
    public void PlainReply_IsOneMrkdwnSectionAndTheFallbackText()
    {
        var message = _renderer.RenderMessage("D1", Reply.Plain("Hello there"));

        Assert.Equal(("D1", "Hello there"), (message.Channel, message.Text));
        AssertJson("""[{"type":"section","text":{"type":"mrkdwn","text":"Hello there"}}]""", message.Blocks);
    }

    [Theory]
    [InlineData("/charts/progress/abc.png")]
    [InlineData("ftp://example.test/chart.png")]
    public void ImageWithoutAnAbsoluteHttpUrl_IsLeftOut(string url)
    {
        var reply = new Reply { Text = "Progress", Sections = [new ReplySection { Body = "Chart", Image = new ReplyImage(url, "chart") }] };

        var blocks = _renderer.RenderMessage("D1", reply).Blocks!;

        Assert.DoesNotContain(blocks, b => (string?)b!["type"] == "image");
        AssertValid(blocks);
    }

    [Fact]
    public void Section_RendersHeaderBodyFieldsAndImage()
    {
        var reply = new Reply
        {
            Text = "Your week",
            Sections =
            [
                new ReplySection
                {
                    Title = "Progress",
                    Body = "Three days in a row.",
                    Fields = [new ReplyField("Streak", "3 days"), new ReplyField("Note", string.Empty)],
                    Image = new ReplyImage("https://example.test/chart.png", "Chart of the week"),
                },
            ],
        };

        var blocks = _renderer.RenderMessage("D1", reply).Blocks!;

        AssertJson("""
            [
              {"type":"header","text":{"type":"plain_text","text":"Progress"}},
              {"type":"section","text":{"type":"mrkdwn","text":"Three days in a row."}},
              {"type":"section","fields":[{"type":"mrkdwn","text":"*Streak*\n3 days"},{"type":"mrkdwn","text":"*Note*"}]},
              {"type":"image","image_url":"https://example.test/chart.png","alt_text":"Chart of the week"}
            ]
            """, blocks);
        AssertValid(blocks);
    }

    [Fact]
    public void Buttons_CarryEncodedActionIdsValuesAndStyles()
    {
        var reply = new Reply
        {
            Text = "Today",
            Buttons =
            [
                ReplyButton.With("Done", "habit.done", "step", "s1", ButtonStyle.Primary),
                ReplyButton.Command("Help", "help"),
                new ReplyButton("Forget me", "privacy.forget", new Dictionary<string, string>(), ButtonStyle.Danger),
            ],
        };

        var blocks = _renderer.RenderMessage("D1", reply).Blocks!;

        AssertJson("""
            {"type":"actions","elements":[
              {"type":"button","text":{"type":"plain_text","text":"Done"},"action_id":"habit.done|0","value":"{\"step\":\"s1\"}","style":"primary"},
              {"type":"button","text":{"type":"plain_text","text":"Help"},"action_id":"command.run|1","value":"{\"text\":\"help\"}"},
              {"type":"button","text":{"type":"plain_text","text":"Forget me"},"action_id":"privacy.forget|2","value":"{}","style":"danger"}
            ]}
            """, blocks[1]);
    }

    [Fact]
    public void Buttons_RoundTripThroughTheCodec()
    {
        var values = new Dictionary<string, string> { ["step"] = "s1", ["note"] = "a \"quoted\" <note> & more", ["ja"] = "日本語" };
        var reply = new Reply { Text = "x", Buttons = [new ReplyButton("Go", "habit.done", values), ReplyButton.Command("Help", "help")] };

        var elements = _renderer.RenderMessage("D1", reply).Blocks!.OfType<JsonObject>().Single(b => (string?)b["type"] == "actions")["elements"]!.AsArray();

        var decoded = elements.Select(e => SlackActionCodec.Decode((string?)e!["action_id"], (string?)e["value"])!).ToList();
        Assert.Equal("habit.done", decoded[0].Id);
        Assert.Equal(values, decoded[0].Values);
        Assert.Equal((CommandActions.RunCommand, "help"), (decoded[1].Id, decoded[1].Values[CommandActions.TextValue]));
    }

    [Fact]
    public void Button_WhoseValueIsOverTheLimit_IsLeftOut()
    {
        var reply = new Reply
        {
            Text = "x",
            Buttons = [ReplyButton.With("Huge", "a.b", "k", new string('v', 2100)), ReplyButton.With("Small", "a.c", "k", "v")],
        };

        var blocks = _renderer.RenderMessage("D1", reply).Blocks!;

        var button = Assert.Single(blocks[1]!["elements"]!.AsArray());
        Assert.Equal("a.c|1", (string?)button!["action_id"]);
        AssertValid(blocks);
    }

    [Fact]
    public void Escaping_AppliesToMrkdwnAndFallbackText_NotToPlainText()
    {
        var reply = new Reply
        {
            Text = "Tom & Jerry <script>",
            Sections = [new ReplySection { Title = "R&D <team>", Body = "a > b", Fields = [new ReplyField("Q&A", "<x>")] }],
            Buttons = [ReplyButton.Command("Save & close", "x")],
        };

        var message = _renderer.RenderMessage("D1", reply);
        var blocks = message.Blocks!;

        Assert.Equal("Tom &amp; Jerry &lt;script&gt;", message.Text);
        Assert.Equal("R&D <team>", (string?)blocks[0]!["text"]!["text"]);
        Assert.Equal("a &gt; b", (string?)blocks[1]!["text"]!["text"]);
        Assert.Equal("*Q&amp;A*\n&lt;x&gt;", (string?)blocks[2]!["fields"]![0]!["text"]);
        Assert.Equal("Save & close", (string?)blocks[3]!["elements"]![0]!["text"]!["text"]);
        Assert.Equal("Tom &amp; Jerry &lt;script&gt;", (string?)_renderer.RenderMessage("D1", Reply.Plain(reply.Text)).Blocks![0]!["text"]!["text"]);
    }

    [Fact]
    public void LongText_IsSplitAtParagraphsIntoSectionsWithinTheLimit()
    {
        var paragraphs = Enumerable.Range(1, 8).Select(i => $"P{i} " + new string('a', 900)).ToList();
        var text = string.Join("\n\n", paragraphs);

        var message = _renderer.RenderMessage("D1", Reply.Plain(text));

        var sections = message.Blocks!.Select(b => (string)b!["text"]!["text"]!).ToList();
        Assert.True(sections.Count >= 3);
        Assert.All(sections, s => Assert.InRange(s.Length, 1, BlockKitLimits.SectionText));
        Assert.All(sections.Skip(1), s => Assert.StartsWith("P", s, StringComparison.Ordinal));
        Assert.Equal(text.Replace("\n\n", string.Empty, StringComparison.Ordinal), string.Concat(sections).Replace("\n\n", string.Empty, StringComparison.Ordinal));
        Assert.Equal(text, message.Text);
        AssertValid(message.Blocks!);
    }

    [Fact]
    public void LongTextWithoutBreaks_IsCutWithoutSplittingAnEscapeOrASurrogatePair()
    {
        var text = string.Concat(Enumerable.Repeat("&😀", 2500));

        var message = _renderer.RenderMessage("D1", Reply.Plain(text));

        foreach (var piece in message.Blocks!.Where(b => (string?)b!["type"] == "section").Select(b => (string)b!["text"]!["text"]!))
        {
            Assert.InRange(piece.Length, 1, BlockKitLimits.SectionText);
            Assert.False(char.IsHighSurrogate(piece[^1]));
            Assert.False(char.IsLowSurrogate(piece[0]));
            Assert.Matches("^(&amp;|😀)+$", piece);
        }

        AssertValid(message.Blocks!);
    }

    [Fact]
    public void FormWithOpener_IsOnePrimaryButtonWithTheOpenerVerbatim()
    {
        var reply = new Reply { Text = "Settings", Form = SampleForms.Settings, Buttons = [ReplyButton.Command("Help", "help")] };

        var blocks = _renderer.RenderMessage("D1", reply, formOpener: "opener-123").Blocks!;

        Assert.DoesNotContain(blocks, b => (string?)b!["type"] == "input");
        AssertJson("""
            {"type":"button","text":{"type":"plain_text","text":"Your settings"},"action_id":"slack.form.open|1","value":"opener-123","style":"primary"}
            """, blocks[^1]!["elements"]![1]);
        AssertValid(blocks);
    }

    [Fact]
    public void FormWithoutOpener_IsRenderedInlineWithASubmitButton()
    {
        var reply = new Reply { Text = "Log it", Form = SampleForms.Settings };

        var blocks = _renderer.RenderMessage("D1", reply).Blocks!;

        Assert.Equal(SampleForms.Settings.Inputs.Select(i => i.Id), blocks.Where(b => (string?)b!["type"] == "input").Select(b => (string?)b!["block_id"]));
        var submit = blocks[^1]!["elements"]![0]!;
        Assert.Equal(("settings.save|0", "{}", "Save"), ((string?)submit["action_id"], (string?)submit["value"], (string?)submit["text"]!["text"]));
        Assert.Equal("settings.save", SlackActionCodec.Decode((string?)submit["action_id"], (string?)submit["value"])!.Id);
        AssertValid(blocks);
    }
}
