namespace CoachBot.Host.Local;

/// <summary>Body of <c>POST /api/local/clock</c>.</summary>
public sealed class LocalClockRequest
{
    public int? AdvanceMinutes { get; set; }
}
