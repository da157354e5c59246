using System.Text.Json.Nodes;
using CoachBot.Teams.Cards;

namespace CoachBot.Teams.Tests.Cards;

public class AdaptiveCardValidatorTests
{
    private static JsonObject Card(string body, string actions = "[]", string version = "1.5") =>
        JsonNode.Parse($$"""{"type":"AdaptiveCard","version":"{{version}}","body":{{body}},"actions":{{actions}}}""")!.AsObject();

    [Fact]
    public void AcceptsAWellFormedCardWithNestedContainers()
    {
        var card = Card("""
            [{"type":"Container","items":[{"type":"TextBlock","text":"a","wrap":true}]},
             {"type":"ColumnSet","columns":[{"type":"Column","items":[{"type":"Image","url":"https://x.org/a.png"}]}]},
             {"type":"Table","rows":[{"type":"TableRow","cells":[{"type":"TableCell","items":[{"type":"TextBlock","text":"c"}]}]}]},
             {"type":"Input.Toggle","id":"t","title":"On"},
             {"type":"Input.Number","id":"n","value":3}]
            """, """[{"type":"Action.OpenUrl","title":"Open","url":"https://x.org"},{"type":"Action.ShowCard","title":"More","card":{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"x"}]}}]""");
        Assert.Empty(AdaptiveCardValidator.Validate(card));
    }

    [Theory]
    [InlineData("""[{"type":"TextBlock"}]""", "[]", "1.5", "$.body[0].text")]
    [InlineData("""[{"type":"TextBlock","text":""}]""", "[]", "1.5", "$.body[0].text")]
    [InlineData("""[{"type":"Input.Text","id":"a"},{"type":"Container","items":[{"type":"Input.Date","id":"a"}]}]""", "[]", "1.5", "$.body[1].items[0].id")]
    [InlineData("""[{"type":"Carousel"}]""", "[]", "1.5", "$.body[0].type")]
    [InlineData("""[{"type":"TextBlock","text":"a"}]""", "[]", "1.6", "$.version")]
    [InlineData("""[{"type":"TextBlock","text":"a"}]""", "[]", "1.2", "$.version")]
    [InlineData("[]", """[{"type":"Action.Execute","title":"Go"}]""", "1.5", "$.actions[0].verb")]
    [InlineData("[]", """[{"type":"Action.Submit"}]""", "1.5", "$.actions[0].title")]
    [InlineData("[]", """[{"type":"Action.Popover","title":"x"}]""", "1.5", "$.actions[0].type")]
    [InlineData("""[{"type":"Image"}]""", "[]", "1.5", "$.body[0].url")]
    [InlineData("""[{"type":"FactSet","facts":[{"title":"a"}]}]""", "[]", "1.5", "$.body[0].facts[0].value")]
    [InlineData("""[{"type":"Input.ChoiceSet","id":"c","choices":[{"value":"v"}]}]""", "[]", "1.5", "$.body[0].choices[0].title")]
    [InlineData("""[{"type":"TextBlock","text":"a","wrap":"yes"}]""", "[]", "1.5", "$.body[0].wrap")]
    [InlineData("""[{"type":"Input.Text","id":"a","maxLength":"10"}]""", "[]", "1.5", "$.body[0].maxLength")]
    [InlineData("""[{"type":"TextBlock","text":5}]""", "[]", "1.5", "$.body[0].text")]
    [InlineData("""[{"type":"ActionSet","actions":[{"type":"Action.Execute","title":"x","verb":"v","data":"s"}]}]""", "[]", "1.5", "$.body[0].actions[0].data")]
    [InlineData("""{"type":"TextBlock"}""", "[]", "1.5", "$.body")]
    [InlineData("""[5]""", "[]", "1.5", "$.body[0]")]
    public void ReportsTheBrokenPath(string body, string actions, string version, string path)
    {
        var violations = AdaptiveCardValidator.Validate(Card(body, actions, version));
        Assert.Contains(violations, v => v.StartsWith(path + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void RejectsAWrongCardType()
    {
        var card = JsonNode.Parse("""{"type":"HeroCard","version":"1.5"}""")!.AsObject();
        Assert.Contains(AdaptiveCardValidator.Validate(card), v => v.StartsWith("$.type:", StringComparison.Ordinal));
    }

    [Fact]
    public void VersionMustBeAString()
    {
        var card = JsonNode.Parse("""{"type":"AdaptiveCard","version":1.5}""")!.AsObject();
        Assert.Contains(AdaptiveCardValidator.Validate(card), v => v.StartsWith("$.version:", StringComparison.Ordinal));
    }
}
