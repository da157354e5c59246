using System.Text.Json.Nodes;

namespace CoachBot.Slack.BlockKit;

/// <summary>
/// Block Kit's limits (checked against Slack's reference for blocks, elements and views in November 2026) and a
/// checker that lists every violation in rendered JSON.
/// </summary>
public static class BlockKitLimits
{
    /// <summary>Surface name for <see cref="Check(JsonArray, string)"/>: a message.</summary>
    public const string MessageSurface = "message";

    /// <summary>Surface name for <see cref="Check(JsonArray, string)"/>: a modal view.</summary>
    public const string ModalSurface = "modal";

    /// <summary>Surface name for <see cref="Check(JsonArray, string)"/>: the App Home tab.</summary>
    public const string HomeSurface = "home";

    public const int MessageBlocks = 50;
    public const int ViewBlocks = 100;

    /// <summary>Slack truncates a message's top-level text beyond this.</summary>
    public const int MessageText = 40_000;

    /// <summary>
    /// Not documented: Slack answers msg_blocks_too_long when a message's blocks hold roughly 13,000 characters of
    /// text in all (reported in slackapi/bolt-js issue 2509), so the renderer keeps messages under this budget.
    /// </summary>
    public const int MessageBlocksTextBudget = 12_000;

    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int SectionFieldText = 2000;
    public const int HeaderText = 150;
    public const int ContextElements = 10;
    public const int ContextText = 3000;
    public const int ActionsElements = 25;
    public const int ButtonText = 75;
    public const int ButtonValue = SlackActionCodec.MaxValueLength;
    public const int ButtonUrl = 3000;
    public const int ActionId = SlackActionCodec.MaxActionIdLength;
    public const int BlockId = 255;
    public const int ImageUrl = 3000;
    public const int ImageAltText = 2000;
    public const int InputLabel = 2000;
    public const int InputHint = 2000;
    public const int PlainTextInputMaxLength = 3000;
    public const int Placeholder = 150;
    public const int SelectOptions = 100;
    public const int OptionText = 75;
    public const int OptionValue = 150;
    public const int ViewTitle = 24;
    public const int ViewSubmit = 24;
    public const int ViewClose = 24;
    public const int PrivateMetadata = 3000;
    public const int CallbackId = 255;

    /// <summary>
    /// Every limit <paramref name="blocks"/> breaks on <paramref name="surface"/> (<see cref="MessageSurface"/>,
    /// <see cref="ModalSurface"/> or <see cref="HomeSurface"/>), in words; empty when the blocks are valid.
    /// </summary>
    public static IReadOnlyList<string> Check(JsonArray blocks, string surface)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var checker = new BlockKitLimitChecker();
        checker.CheckBlocks(blocks, surface);
        return checker.Violations;
    }

    /// <summary>Every limit a modal or home view breaks, in words; empty when the view is valid.</summary>
    public static IReadOnlyList<string> Check(JsonObject view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var checker = new BlockKitLimitChecker();
        checker.CheckView(view);
        return checker.Violations;
    }
}
