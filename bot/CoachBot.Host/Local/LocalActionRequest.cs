namespace CoachBot.Host.Local;

/// <summary>A button press or form submission in <see cref="LocalMessageRequest"/>.</summary>
public sealed class LocalActionRequest
{
    public string? Id { get; set; }

    public Dictionary<string, string>? Values { get; set; }
}
