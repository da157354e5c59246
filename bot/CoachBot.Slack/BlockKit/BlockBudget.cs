using System.Text.Json.Nodes;

namespace CoachBot.Slack.BlockKit;

/// <summary>
/// Collects blocks for one surface up to its block limit (and, for messages, its text budget). Once a block does not
/// fit, later blocks are dropped and the list ends with a context block holding an ellipsis, so readers see that
/// something was cut (the message's fallback text still carries everything).
/// </summary>
internal sealed class BlockBudget(int maxBlocks, int maxTextChars = int.MaxValue)
{
    private readonly JsonArray blocks = [];
    private int textChars;

    /// <summary>True once a block was dropped.</summary>
    public bool IsFull { get; private set; }

    /// <summary>How many blocks were added.</summary>
    public int Count => blocks.Count;

    /// <summary>Adds <paramref name="block"/> if it fits (keeping one place for the cut marker); false when not.</summary>
    public bool Add(JsonObject block)
    {
        if (IsFull)
        {
            return false;
        }

        var chars = TextLength(block);
        if (blocks.Count + 1 >= maxBlocks || textChars + chars > maxTextChars)
        {
            // One place is always kept for the marker.
            IsFull = true;
            return false;
        }

        blocks.Add(block);
        textChars += chars;
        return true;
    }

    /// <summary>Adds the blocks in order until one does not fit.</summary>
    public void AddRange(IEnumerable<JsonObject> items)
    {
        foreach (var item in items)
        {
            if (!Add(item))
            {
                return;
            }
        }
    }

    /// <summary>The blocks, ending with the cut marker when something was dropped.</summary>
    public JsonArray Finish()
    {
        if (IsFull)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(BlockKitText.Plain(BlockKitText.Ellipsis, BlockKitLimits.ContextText)),
            });
        }

        return blocks;
    }

    /// <summary>Characters of text a block holds (every "text" string in it), for the message text budget.</summary>
    public static int TextLength(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Sum(p => p.Key == "text" && p.Value is JsonValue v && v.TryGetValue<string>(out var s)
            ? s.Length
            : TextLength(p.Value)),
        JsonArray array => array.Sum(TextLength),
        _ => 0,
    };
}
