using System.Text.Json.Nodes;
using CoachBot.Core.Conversation;
using CoachBot.Teams.Cards;

namespace CoachBot.Teams.Tests.Cards;

public class ReadActionTests
{
    private readonly AdaptiveCardRenderer _renderer = new();

    private static IEnumerable<JsonObject> AllActions(JsonObject card) =>
        card["actions"]!.AsArray().Concat(card["body"]!.AsArray().Where(e => (string?)e!["type"] == "ActionSet").SelectMany(e => e!["actions"]!.AsArray()))
            .Select(a => a!.AsObject());

    [Fact]
    public void EveryRenderedSubmitButtonRoundTrips()
    {
        var reply = CardSamples.Stress();
        var card = _renderer.RenderCard(reply);
        var read = AllActions(card).Select(a => _renderer.ReadAction(a["data"]!.DeepClone())).ToList();
        Assert.Equal(reply.Buttons.Count + 1, read.Count);
        for (var i = 0; i < reply.Buttons.Count; i++)
        {
            var action = read[i + 1]!;
            Assert.Equal(reply.Buttons[i].ActionId, action.Id);
            Assert.Equal(reply.Buttons[i].Values, action.Values);
        }
    }

    [Fact]
    public void EveryRenderedExecuteButtonRoundTrips()
    {
        var reply = new Reply
        {
            Text = "t",
            Buttons = [ReplyButton.Command("Help", "help me"), ReplyButton.With("Done", "goal.done", "coachbot", "kept")],
        };
        var actions = AllActions(_renderer.RenderCardForInvoke(reply)).ToList();
        for (var i = 0; i < reply.Buttons.Count; i++)
        {
            var invokeValue = new JsonObject { ["action"] = actions[i].DeepClone() };
            var action = _renderer.ReadAction(invokeValue)!;
            Assert.Equal(reply.Buttons[i].ActionId, action.Id);
            Assert.Equal(reply.Buttons[i].Values, action.Values);
        }
    }

    [Fact]
    public void FormSubmissionWithMergedInputsRoundTrips()
    {
        var card = _renderer.RenderCard(new Reply { Text = "t", Form = CardSamples.EveryInputForm() });
        var submitted = card["actions"]![0]!["data"]!.DeepClone().AsObject();
        submitted["name"] = "Grace";
        submitted["notes"] = "line 1\nline 2";
        submitted["tz"] = "z2";
        submitted["days"] = "mon,tue";
        submitted["at"] = "07:15";
        submitted["on"] = "2026-12-01";
        var action = _renderer.ReadAction(submitted)!;
        Assert.Equal("form.save", action.Id);
        Assert.Equal("Grace", action.Values["name"]);
        Assert.Equal("line 1\nline 2", action.Values["notes"]);
        Assert.Equal("z2", action.Values["tz"]);
        Assert.Equal("mon,tue", action.Values["days"]);
        Assert.Equal("07:15", action.Values["at"]);
        Assert.Equal("2026-12-01", action.Values["on"]);
        Assert.False(action.Values.ContainsKey("coachbot"));
    }

    [Fact]
    public void ExecuteValueWithMergedInputs()
    {
        var value = JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"form.save","data":{"name":"Ada","count":3,"ok":true,"off":false,"ratio":1.5,"days":["mon","tue"],"nested":{"a":1},"nothing":null}}}""");
        var action = _renderer.ReadAction(value)!;
        Assert.Equal("form.save", action.Id);
        Assert.Equal("Ada", action.Values["name"]);
        Assert.Equal("3", action.Values["count"]);
        Assert.Equal("True", action.Values["ok"]);
        Assert.Equal("False", action.Values["off"]);
        Assert.Equal("1.5", action.Values["ratio"]);
        Assert.Equal("mon,tue", action.Values["days"]);
        Assert.False(action.Values.ContainsKey("nested"));
        Assert.False(action.Values.ContainsKey("nothing"));
    }

    [Fact]
    public void ExecuteWithoutDataHasNoValues()
    {
        var action = _renderer.ReadAction(JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"v"}}"""))!;
        Assert.Equal("v", action.Id);
        Assert.Empty(action.Values);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("""["coachbot"]""")]
    [InlineData("42")]
    [InlineData("\"coachbot\"")]
    [InlineData("{}")]
    [InlineData("""{"coachbot":""}""")]
    [InlineData("""{"coachbot":"   "}""")]
    [InlineData("""{"coachbot":5}""")]
    [InlineData("""{"coachbot":{"id":"x"}}""")]
    [InlineData("""{"coachbot":["x"]}""")]
    [InlineData("""{"action":{"type":"Action.Execute"}}""")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":""}}""")]
    [InlineData("""{"action":{"type":"Action.Execute","verb":{"a":1}}}""")]
    [InlineData("""{"action":{"type":"Action.Submit","verb":"x"}}""")]
    [InlineData("""{"action":"Action.Execute"}""")]
    [InlineData("""{"text":"hello"}""")]
    public void OddShapesAreNotActions(string json)
    {
        Assert.Null(_renderer.ReadAction(JsonNode.Parse(json)));
    }

    [Fact]
    public void NullAndOverlongIdsAreNotActions()
    {
        Assert.Null(_renderer.ReadAction(null));
        Assert.Null(_renderer.ReadAction(new JsonObject { ["coachbot"] = new string('a', 101) }));
        Assert.NotNull(_renderer.ReadAction(new JsonObject { ["coachbot"] = new string('a', 100) }));
    }
}
