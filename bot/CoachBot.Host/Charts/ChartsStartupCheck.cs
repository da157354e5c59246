namespace CoachBot.Host.Charts;

/// <summary>Creates the signing key and finds the CJK font at start-up, so their one-time warnings show early.</summary>
internal sealed class ChartsStartupCheck : IHostedService
{
    public ChartsStartupCheck(ChartSigningKey key, ChartFonts fonts)
    {
        // Constructing them is the whole job: each logs what it found.
        _ = key;
        _ = fonts;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
