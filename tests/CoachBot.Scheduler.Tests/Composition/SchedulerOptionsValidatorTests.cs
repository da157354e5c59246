namespace CoachBot.Scheduler.Tests.Composition;

public sealed class SchedulerOptionsValidatorTests
{
    private readonly SchedulerOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(_validator.Validate(null, new SchedulerOptions()).Succeeded);
    }

    [Theory]
    [InlineData("TickCron", "every minute")]
    [InlineData("RetentionCron", "* *")]
    public void Validate_BadCron_NamesTheSettingAndAnExample(string setting, string value)
    {
        var options = new SchedulerOptions();
        typeof(SchedulerOptions).GetProperty(setting)!.SetValue(options, value);

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Scheduler:{setting} '{value}'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("e.g.", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void Validate_MaxAttemptsPerDeliveryOutOfRange_NamesTheSettingAndAnExample(int attempts)
    {
        var result = _validator.Validate(null, new SchedulerOptions { MaxAttemptsPerDelivery = attempts });

        Assert.Contains("Scheduler:MaxAttemptsPerDelivery must be from 1 to 20, e.g. 4.", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NonPositiveSpans_EachNamed()
    {
        var options = new SchedulerOptions { NudgeGrace = TimeSpan.Zero, ClaimLease = TimeSpan.FromSeconds(-1) };

        var result = _validator.Validate(null, options);

        Assert.Contains("Scheduler:NudgeGrace", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Scheduler:ClaimLease", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LedgerRetentionNotLongerThanLookback_Fails()
    {
        var options = new SchedulerOptions { LedgerRetention = TimeSpan.FromDays(2), MaxLookback = TimeSpan.FromDays(8) };

        Assert.Contains("Scheduler:LedgerRetention must be longer than Scheduler:MaxLookback", _validator.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 24, 200 })]
    public void Validate_BadPrepHours_Fails(int[] hours)
    {
        var result = _validator.Validate(null, new SchedulerOptions { PrepHoursBefore = hours });

        Assert.Contains("Scheduler:PrepHoursBefore", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroChannelConcurrency_NamesTheChannel()
    {
        var options = new SchedulerOptions();
        options.ChannelConcurrency["slack"] = 0;

        Assert.Contains("Scheduler:ChannelConcurrency:slack", _validator.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRules_CarriesTheGraceWindowsAndLeadTimes()
    {
        var rules = new SchedulerOptions { NudgeGrace = TimeSpan.FromMinutes(30), PrepHoursBefore = [48, 2], FollowUpAfter = TimeSpan.FromMinutes(45) }.ToRules();

        Assert.Equal(TimeSpan.FromMinutes(30), rules.NudgeGrace);
        Assert.Equal([48, 2], rules.PrepHoursBefore);
        Assert.Equal(TimeSpan.FromMinutes(45), rules.FollowUpAfter);
    }
}
