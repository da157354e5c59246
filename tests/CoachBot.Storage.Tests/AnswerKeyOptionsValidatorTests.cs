using CoachBot.Storage.Reflections;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage.Tests;

public sealed class AnswerKeyOptionsValidatorTests
{
    private const string RealAccount = "DefaultEndpointsProtocol=https;AccountName=coachbotprod;AccountKey=c2VjcmV0c2VjcmV0c2VjcmV0;EndpointSuffix=core.windows.net";

    [Fact]
    public void Validate_RealAccountWithoutKey_FailsNamingTheSettingAndTheFix()
    {
        var result = Validator(RealAccount).Validate(null, new AnswerKeyOptions());

        Assert.True(result.Failed);
        Assert.Contains("Privacy:ReflectionAnswerKey is not set", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Privacy__ReflectionAnswerKey", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShortKey_FailsWithoutRepeatingIt()
    {
        var result = Validator(RealAccount).Validate(null, new AnswerKeyOptions { ReflectionAnswerKey = "c2hvcnRrZXk=" });

        Assert.True(result.Failed);
        Assert.Contains("at least 32 bytes", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("c2hvcnRrZXk", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true", null)]
    [InlineData(RealAccount, "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")]
    public void Validate_EmulatorWithoutKeyOrAnyAccountWithAGoodKey_Succeeds(string connectionString, string? key)
    {
        Assert.True(Validator(connectionString).Validate(null, new AnswerKeyOptions { ReflectionAnswerKey = key }).Succeeded);
    }

    private static AnswerKeyOptionsValidator Validator(string connectionString) =>
        new(Options.Create(new StorageOptions { ConnectionString = connectionString }));
}
