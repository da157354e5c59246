using System.Globalization;
using System.Text.RegularExpressions;
using CoachBot.Content.Model;
using CoachBot.Core.Health;

namespace CoachBot.Core.Tests.Health;

/// <summary>The smallest group a lead sees figures of is said from <see cref="HealthAggregation.MinPeople"/>, never typed.</summary>
public sealed partial class HealthStringsTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public void HealthStrings_SayTheMinimumGroupSizeThroughMin_NeverAsATypedNumber(string language)
    {
        var strings = CoachHarness.Content.For(language).Strings;
        var min = HealthAggregation.MinPeople.ToString(CultureInfo.InvariantCulture);

        Assert.Contains("min", StringTable.PlaceholdersOf(strings.Template("health.chart.alt")));
        var alt = strings.Format("health.chart.alt", ("indicator", "x"), ("weeks", 12), ("min", HealthAggregation.MinPeople));
        Assert.Contains(min, alt, StringComparison.Ordinal);

        var typed = new Regex("(?<![0-9])" + min + "(?![0-9])");
        var health = strings.Keys.Where(k => k.StartsWith("health.", StringComparison.Ordinal) || k.StartsWith("chart.health.", StringComparison.Ordinal));
        foreach (var key in health)
        {
            var text = Placeholders().Replace(strings.Template(key), string.Empty);
            Assert.False(typed.IsMatch(text), $"{language} {key} types the number {min}; use {{min}} (HealthAggregation.MinPeople): {text}");
        }
    }

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Placeholders();
}
