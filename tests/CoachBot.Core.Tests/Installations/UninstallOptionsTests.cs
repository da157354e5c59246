using CoachBot.Core.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachBot.Core.Tests.Installations;

/// <summary>Privacy:UninstallGraceDays is checked at start with a message naming the setting and its range.</summary>
public sealed class UninstallOptionsTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("366")]
    [InlineData("-5")]
    public void AddCoachBotCore_GraceDaysOutOfRange_FailsValidationNamingTheSettingAndRange(string days)
    {
        using var provider = Build(new Dictionary<string, string?> { ["Privacy:UninstallGraceDays"] = days });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<UninstallOptions>>().Value);

        Assert.Contains("Privacy:UninstallGraceDays", error.Message, StringComparison.Ordinal);
        Assert.Contains("from 1 to 365", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 30)]
    [InlineData("1", 1)]
    [InlineData("365", 365)]
    public void AddCoachBotCore_GraceDaysInRangeOrUnset_IsAccepted(string? days, int expected)
    {
        using var provider = Build(days is null ? [] : new Dictionary<string, string?> { ["Privacy:UninstallGraceDays"] = days });

        var options = provider.GetRequiredService<IOptions<UninstallOptions>>().Value;

        Assert.Equal(expected, options.UninstallGraceDays);
        Assert.Equal(TimeSpan.FromDays(expected), options.GracePeriod);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddCoachBotCore().BuildServiceProvider();
    }
}
