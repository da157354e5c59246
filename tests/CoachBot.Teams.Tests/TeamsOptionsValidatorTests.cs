namespace CoachBot.Teams.Tests;

public sealed class TeamsOptionsValidatorTests
{
    private readonly TeamsOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeed() => Assert.True(_validator.Validate(null, new TeamsOptions()).Succeeded);

    [Fact]
    public void Validate_AllowedCallersWithoutTenant_NamesBothSettings()
    {
        var result = _validator.Validate(null, new TeamsOptions { AllowedCallers = ["99999999-8888-7777-6666-555555555555"] });

        Assert.True(result.Failed);
        Assert.Contains("Teams:AllowedCallers needs Teams:TenantId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" ", 30, 3600, "empty entry")]
    [InlineData(null, 0, 3600, "Teams:ReplyRetryInterval")]
    [InlineData(null, 30, -1, "Teams:ReplyRetryWindow")]
    public void Validate_BadSetting_SaysWhichAndHowToFixIt(string? caller, int intervalSeconds, int windowSeconds, string message)
    {
        var options = new TeamsOptions
        {
            TenantId = "tenant-one",
            AllowedCallers = caller is null ? [] : [caller],
            ReplyRetryInterval = TimeSpan.FromSeconds(intervalSeconds),
            ReplyRetryWindow = TimeSpan.FromSeconds(windowSeconds),
        };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownCloud_ListsTheKnownOnes() =>
        Assert.Contains("Public, Gcc, GccHigh or DoD", _validator.Validate(null, new TeamsOptions { Cloud = (TeamsCloud)42 }).FailureMessage, StringComparison.Ordinal);
}
