using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;
using CoachBot.Teams.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Teams.Tests.Cards;

public class AdaptiveCardRendererTests
{
    private readonly AdaptiveCardRenderer _renderer = new();

    [Fact]
    public void PlainReplyIsTextOnly()
    {
        var activity = _renderer.RenderMessage(Reply.Plain("Hello *you*"));
        Assert.Equal("message", activity.Type);
        Assert.Equal("Hello *you*", activity.Text);
        Assert.Equal("plain", activity.TextFormat);
        Assert.Null(activity.Attachments);
    }

    [Fact]
    public void StructuredReplyCarriesOneValidCard()
    {
        var reply = new Reply { Text = "Hi", Buttons = [ReplyButton.Command("Help", "help")] };
        var activity = _renderer.RenderMessage(reply);
        var attachment = Assert.Single(activity.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var card = Assert.IsType<JsonObject>(attachment.Content);
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)card["$schema"]);
        Assert.Equal("Hi", (string?)card["body"]![0]!["text"]);
        Assert.True((bool)card["body"]![0]!["wrap"]!);
        Assert.Empty(AdaptiveCardValidator.Validate(card));
    }

    [Fact]
    public void LinksRenderAsOpenUrlActionsFirst_AndNonWebLinksAreDropped()
    {
        var reply = new Reply
        {
            Text = "Download it",
            Buttons = [ReplyButton.Command("Help", "help")],
            Links = [new ReplyLink("Download", "https://coach.example/exports/abc.def"), new ReplyLink("Bad", "javascript:alert(1)")],
        };

        var card = Assert.IsType<JsonObject>(Assert.Single(_renderer.RenderMessage(reply).Attachments!).Content);

        var actions = card["actions"]!.AsArray();
        Assert.Equal(2, actions.Count);
        Assert.Equal(("Action.OpenUrl", "https://coach.example/exports/abc.def"), ((string?)actions[0]!["type"], (string?)actions[0]!["url"]));
        Assert.Equal("Action.Submit", (string?)actions[1]!["type"]);
        Assert.Equal("Download it", (string?)card["body"]![0]!["text"]);
        Assert.Empty(AdaptiveCardValidator.Validate(card));
    }

    [Fact]
    public void SectionsRenderTitleBodyFactsAndWebImagesOnly()
    {
        var reply = new Reply
        {
            Text = "ignored in card",
            Sections =
            [
                new ReplySection
                {
                    Title = "Week",
                    Body = "Body text",
                    Fields = [new ReplyField("Goal", "Run"), new ReplyField("Done", "3")],
                    Image = new ReplyImage("https://example.org/a.png", "A chart"),
                },
                new ReplySection { Body = "Second", Image = new ReplyImage("file:///etc/passwd", "no") },
                new ReplySection { Image = new ReplyImage("/relative.png", "no") },
            ],
        };
        var card = _renderer.RenderCard(reply);
        var body = card["body"]!.AsArray();
        Assert.Equal(5, body.Count);
        Assert.Equal("Week", (string?)body[0]!["text"]);
        Assert.Equal("bolder", (string?)body[0]!["weight"]);
        Assert.Equal("medium", (string?)body[0]!["size"]);
        Assert.Equal("Body text", (string?)body[1]!["text"]);
        Assert.Equal("FactSet", (string?)body[2]!["type"]);
        Assert.Equal("Goal", (string?)body[2]!["facts"]![0]!["title"]);
        Assert.Equal("3", (string?)body[2]!["facts"]![1]!["value"]);
        Assert.Equal("Image", (string?)body[3]!["type"]);
        Assert.Equal("https://example.org/a.png", (string?)body[3]!["url"]);
        Assert.Equal("A chart", (string?)body[3]!["altText"]);
        Assert.Equal("Second", (string?)body[4]!["text"]);
        Assert.Empty(AdaptiveCardValidator.Validate(card));
    }

    [Fact]
    public void ErrorTextIsAttentionColoured()
    {
        var reply = new Reply { Text = "That time is not valid.", IsError = true, Buttons = [ReplyButton.Command("Retry", "x")] };
        var card = _renderer.RenderCard(reply);
        var first = card["body"]![0]!;
        Assert.Equal("That time is not valid.", (string?)first["text"]);
        Assert.Equal("attention", (string?)first["color"]);
    }

    [Fact]
    public void ButtonsBecomeSubmitActionsWithStyles()
    {
        var reply = new Reply
        {
            Text = "t",
            Buttons =
            [
                ReplyButton.With("Yes", "goal.done", "goal", "g1", ButtonStyle.Primary),
                ReplyButton.With("Delete", "goal.delete", "goal", "g1", ButtonStyle.Danger),
                new ReplyButton("Plain", "x.y", new Dictionary<string, string> { ["coachbot"] = "evil", ["Key"] = "v" }),
            ],
        };
        var actions = _renderer.RenderCard(reply)["actions"]!.AsArray();
        Assert.Equal("Action.Submit", (string?)actions[0]!["type"]);
        Assert.Equal("Yes", (string?)actions[0]!["title"]);
        Assert.Equal("positive", (string?)actions[0]!["style"]);
        Assert.Equal("goal.done", (string?)actions[0]!["data"]!["coachbot"]);
        Assert.Equal("g1", (string?)actions[0]!["data"]!["goal"]);
        Assert.Equal("destructive", (string?)actions[1]!["style"]);
        Assert.Null(actions[2]!["style"]);
        Assert.Equal("x.y", (string?)actions[2]!["data"]!["coachbot"]);
        Assert.Equal("v", (string?)actions[2]!["data"]!["Key"]);
    }

    [Fact]
    public void InvokeCardUsesExecuteActions()
    {
        var reply = new Reply { Text = "t", Buttons = [ReplyButton.With("Yes", "goal.done", "goal", "g1")], Form = CardSamples.EveryInputForm() };
        var card = _renderer.RenderCardForInvoke(reply);
        var actions = card["actions"]!.AsArray();
        Assert.All(actions, a => Assert.Equal("Action.Execute", (string?)a!["type"]));
        Assert.Equal("form.save", (string?)actions[0]!["verb"]);
        Assert.Equal("goal.done", (string?)actions[1]!["verb"]);
        Assert.Equal("g1", (string?)actions[1]!["data"]!["goal"]);
        Assert.Empty(AdaptiveCardValidator.Validate(card));
    }

    [Fact]
    public void FormRendersEveryInputKindBeforeTheSubmit()
    {
        var reply = new Reply { Text = "t", Form = CardSamples.EveryInputForm() };
        var card = _renderer.RenderCard(reply);
        var inputs = card["body"]!.AsArray().Where(e => ((string?)e!["type"])!.StartsWith("Input.", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, inputs.Count);
        var name = inputs[0]!;
        Assert.Equal("Input.Text", (string?)name["type"]);
        Assert.Equal("Name", (string?)name["label"]);
        Assert.True((bool)name["isRequired"]!);
        Assert.Equal("Name", (string?)name["errorMessage"]);
        Assert.Equal(40, (int)name["maxLength"]!);
        Assert.Equal("Your name", (string?)name["placeholder"]);
        Assert.Equal("Ada", (string?)name["value"]);
        Assert.True((bool)inputs[1]!["isMultiline"]!);
        Assert.Null(inputs[1]!["isRequired"]);
        Assert.Equal("Input.ChoiceSet", (string?)inputs[2]!["type"]);
        Assert.Equal("compact", (string?)inputs[2]!["style"]);
        Assert.Equal("z1", (string?)inputs[2]!["value"]);
        Assert.Equal("Zone 0", (string?)inputs[2]!["choices"]![0]!["title"]);
        Assert.Equal("z0", (string?)inputs[2]!["choices"]![0]!["value"]);
        Assert.True((bool)inputs[3]!["isMultiSelect"]!);
        Assert.Equal("mon,tue", (string?)inputs[3]!["value"]);
        Assert.Equal("Input.Time", (string?)inputs[4]!["type"]);
        Assert.Equal("09:30", (string?)inputs[4]!["value"]);
        Assert.Equal("Input.Date", (string?)inputs[5]!["type"]);
        Assert.Equal("2026-11-24", (string?)inputs[5]!["value"]);
        var submit = card["actions"]![0]!;
        Assert.Equal("Save", (string?)submit["title"]);
        Assert.Equal("form.save", (string?)submit["data"]!["coachbot"]);
        Assert.Empty(AdaptiveCardValidator.Validate(card));
    }

    [Fact]
    public void StressReplyStaysWithinLimitsAndValidates()
    {
        var card = _renderer.RenderCard(CardSamples.Stress());
        Assert.Empty(AdaptiveCardValidator.Validate(card));
        var body = card["body"]!.AsArray();
        Assert.True(body.Count <= 100, $"body has {body.Count} elements");
        Assert.All(body.Where(e => (string?)e!["type"] == "TextBlock"), e => Assert.True(((string)e!["text"]!).Length <= 5000));
        Assert.Contains(body, e => ((string?)e!["text"])?.EndsWith('…') == true);
        var actions = card["actions"]!.AsArray();
        Assert.Equal(6, actions.Count);
        var overflow = body.Single(e => (string?)e!["type"] == "ActionSet")!["actions"]!.AsArray();
        Assert.Equal(41 - 6, overflow.Count);
        Assert.Equal(6, body.Count(e => ((string?)e!["type"])!.StartsWith("Input.", StringComparison.Ordinal)));
        Assert.Equal(200, body.Single(e => (string?)e!["id"] == "tz")!["choices"]!.AsArray().Count);
        Assert.Empty(AdaptiveCardValidator.Validate(_renderer.RenderCardForInvoke(CardSamples.Stress())));
    }

    [Fact]
    public void AddTeamsCardsRegistersTheRenderer()
    {
        using var provider = new ServiceCollection().AddTeamsCards().BuildServiceProvider();
        Assert.IsType<AdaptiveCardRenderer>(provider.GetRequiredService<IAdaptiveCardRenderer>());
    }
}
