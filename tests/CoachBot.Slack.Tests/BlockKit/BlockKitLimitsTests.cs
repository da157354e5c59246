using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;
using CoachBot.Slack.BlockKit;

namespace CoachBot.Slack.Tests.BlockKit;

public sealed class BlockKitLimitsTests
{
    private readonly BlockKitRenderer _renderer = new();

    private static Reply Huge()
    {
        var longText = string.Join("\n", Enumerable.Range(0, 100).Select(i => $"Line {i} & <more> " + new string('z', 40)));
        return new Reply
        {
            Text = longText,
            Sections =
            [
                .. Enumerable.Range(0, 60).Select(i => new ReplySection
                {
                    Title = $"Section {i} " + new string('t', 200),
                    Body = new string('b', 5000),
                    Fields = [.. Enumerable.Range(0, 12).Select(f => new ReplyField(new string('L', 3000), new string('v', 3000)))],
                    Image = new ReplyImage("https://example.test/" + i, new string('a', 2500)),
                }),
            ],
            Buttons = [.. Enumerable.Range(0, 40).Select(i => ReplyButton.With(new string('B', 100), "x.y", "n", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
            Form = new ReplyForm(new string('f', 40), new string('T', 60), new string('S', 60),
            [
                new ReplyInput("pick", new string('l', 2500), InputKind.Choice)
                {
                    Choices = [.. Enumerable.Range(0, 200).Select(i => new ReplyChoice(new string('c', 100) + i, "v" + i))],
                    Placeholder = new string('p', 400),
                    InitialValue = "v50",
                },
                new ReplyInput("many", "Many", InputKind.MultiChoice)
                {
                    Choices = [.. Enumerable.Range(0, 200).Select(i => new ReplyChoice("c" + i, new string('w', 200) + i)), new ReplyChoice("ok", "ok")],
                },
                new ReplyInput("text", "Text", InputKind.MultilineText) { MaxLength = 100_000, InitialValue = new string('i', 5000) },
            ]),
        };
    }

    [Fact]
    public void HugeReply_AsMessage_StaysWithinEveryLimit()
    {
        var message = _renderer.RenderMessage("D1", Huge(), formOpener: "open");

        Assert.Empty(BlockKitLimits.Check(message.Blocks!, BlockKitLimits.MessageSurface));
        Assert.InRange(message.Blocks!.Count, 2, BlockKitLimits.MessageBlocks);
        Assert.Contains("&amp; &lt;more&gt;", message.Text, StringComparison.Ordinal);

        // The content is cut (marked by a context block), the buttons the person acts on are all kept.
        var types = message.Blocks.Select(b => (string?)b!["type"]).ToList();
        Assert.Equal(["context", "actions", "actions"], types.TakeLast(3));
        var actionIds = message.Blocks.Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray()).Select(e => (string?)e!["action_id"]);
        Assert.Equal([.. Enumerable.Range(0, 40).Select(i => $"x.y|{i}"), "slack.form.open|40"], actionIds);
    }

    [Fact]
    public void HugeReply_WithAnInlineForm_StaysWithinEveryLimit()
    {
        var message = _renderer.RenderMessage("D1", Huge());

        Assert.Empty(BlockKitLimits.Check(message.Blocks!, BlockKitLimits.MessageSurface));
        Assert.Equal(["pick", "many", "text"], message.Blocks!.Where(b => (string?)b!["type"] == "input").Select(b => (string?)b!["block_id"]));
        Assert.Equal(new string('f', 40) + "|40", (string?)message.Blocks![^1]!["elements"]![15]!["action_id"]);
    }

    [Fact]
    public void HugeReply_AsModalAndHome_StaysWithinEveryLimit()
    {
        var modal = _renderer.RenderModal(Huge(), "meta");
        var home = _renderer.RenderHome(Huge());

        Assert.Empty(BlockKitLimits.Check(modal));
        Assert.Empty(BlockKitLimits.Check(home));
        Assert.Equal(BlockKitLimits.ViewBlocks, modal["blocks"]!.AsArray().Count);
        Assert.Equal(BlockKitLimits.ViewBlocks, home["blocks"]!.AsArray().Count);
        var inputs = modal["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "input").ToList();
        Assert.Equal(["pick", "many", "text"], inputs.Select(b => (string?)b!["block_id"]));
        Assert.Equal(BlockKitLimits.SelectOptions, inputs[0]!["element"]!["options"]!.AsArray().Count);
        Assert.Equal("v50", (string?)inputs[0]!["element"]!["initial_option"]!["value"]);
        Assert.Equal(["ok"], inputs[1]!["element"]!["options"]!.AsArray().Select(o => (string?)o!["value"]));
        Assert.Equal(3000, (int?)inputs[2]!["element"]!["max_length"]);
    }

    [Fact]
    public void ManyButtons_AreSplitIntoActionsBlocksOf25WithUniqueIds()
    {
        var reply = new Reply { Text = "x", Buttons = [.. Enumerable.Range(0, 40).Select(i => ReplyButton.Command("B" + i, "c" + i))] };

        var blocks = _renderer.RenderMessage("D1", reply).Blocks!;

        var actions = blocks.Where(b => (string?)b!["type"] == "actions").Select(b => b!["elements"]!.AsArray()).ToList();
        Assert.Equal([25, 15], actions.Select(a => a.Count));
        Assert.Equal(40, actions.SelectMany(a => a).Select(e => (string?)e!["action_id"]).Distinct().Count());
        Assert.Empty(BlockKitLimits.Check(blocks, BlockKitLimits.MessageSurface));
    }

    [Fact]
    public void Check_FindsViolationsInHandMadeBlocks()
    {
        var blocks = JsonNode.Parse($$$"""
            [
              {"type":"section","text":{"type":"mrkdwn","text":"{{{new string('s', 3001)}}}"}},
              {"type":"section","fields":[{{{string.Join(",", Enumerable.Repeat("""{"type":"mrkdwn","text":"f"}""", 11))}}}]},
              {"type":"header","text":{"type":"mrkdwn","text":"h"}},
              {"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"{{{new string('b', 76)}}}"},"action_id":"a","value":"{{{new string('v', 2001)}}}"},
                                            {"type":"button","text":{"type":"plain_text","text":"ok"},"action_id":"a"}]},
              {"type":"image","image_url":"https://x.test/i.png","alt_text":""},
              {"type":"input","label":{"type":"plain_text","text":"L"},"element":{"type":"static_select","options":[{"text":{"type":"plain_text","text":"o"},"value":"{{{new string('o', 151)}}}"}]}},
              {"type":"section","block_id":"dup","text":{"type":"plain_text","text":"x"}},
              {"type":"section","block_id":"dup"},
              {"type":"sparkles"}
            ]
            """)!.AsArray();

        var violations = BlockKitLimits.Check(blocks, BlockKitLimits.MessageSurface);

        Assert.Contains(violations, v => v.StartsWith("block 0 (section) text has 3001 characters", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("fields: 11 items", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("block 2 (header) text has text type \"mrkdwn\"", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("button text has 76 characters", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("button value has 2001 characters", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("action_id \"a\" is used twice", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("alt_text is empty", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("option value has 151 characters", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("block_id \"dup\" is used twice", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("block 7 (section) needs text or fields", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("unknown block type", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_CountsBlocksPerSurface()
    {
        var blocks = new JsonArray([.. Enumerable.Range(0, 51).Select(_ => (JsonNode)new JsonObject { ["type"] = "divider" })]);

        Assert.Contains("51 blocks on a message, at most 50 allowed", BlockKitLimits.Check(blocks, BlockKitLimits.MessageSurface));
        Assert.Empty(BlockKitLimits.Check(blocks, BlockKitLimits.HomeSurface));
    }

    [Fact]
    public void Check_FindsViolationsInAHandMadeView()
    {
        var view = JsonNode.Parse($$$"""
            {"type":"modal","title":{"type":"plain_text","text":"A title that is far too long"},
             "callback_id":"{{{new string('c', 256)}}}","private_metadata":"{{{new string('m', 3001)}}}",
             "blocks":[{"type":"input","label":{"type":"plain_text","text":"L"},
                        "element":{"type":"plain_text_input","action_id":"x","max_length":5000,"placeholder":{"type":"plain_text","text":"{{{new string('p', 151)}}}"} } }]}
            """)!.AsObject();

        var violations = BlockKitLimits.Check(view);

        Assert.Contains("view title has 28 characters, at most 24 allowed", violations);
        Assert.Contains("callback_id has 256 characters, at most 255 allowed", violations);
        Assert.Contains("private_metadata has 3001 characters, at most 3000 allowed", violations);
        Assert.Contains("a modal with input blocks needs a submit button", violations);
        Assert.Contains(violations, v => v.Contains("max_length must be 1 to 3000", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("placeholder has 151 characters", StringComparison.Ordinal));
    }
}
