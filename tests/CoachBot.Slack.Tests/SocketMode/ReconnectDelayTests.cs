using CoachBot.Slack.SocketMode;

namespace CoachBot.Slack.Tests.SocketMode;

public sealed class ReconnectDelayTests
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 0.999999, 1000)]
    [InlineData(3, 1.0, 4000)]
    [InlineData(6, 1.0, 30000)]
    [InlineData(50, 0.0, 15000)]
    public void The_delay_doubles_per_failure_is_capped_and_jittered_down_by_up_to_half(int failures, double jitter, int expectedMs)
    {
        var delay = SlackSocketModeClient.ReconnectDelay(failures, Min, Max, jitter);

        Assert.Equal(expectedMs, delay.TotalMilliseconds, 0);
    }
}
