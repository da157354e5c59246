namespace CoachBot.Teams.Cards;

/// <summary>Size limits CoachBot keeps its Adaptive Cards under.</summary>
public static class AdaptiveCardLimits
{
    /// <summary>The card version CoachBot renders.</summary>
    public const string Version = "1.5";

    /// <summary>The schema address put in every card.</summary>
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>The attachment content type of an Adaptive Card.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The data key that carries CoachBot's action id in an Action.Submit.</summary>
    public const string ActionKey = "coachbot";

    /// <summary>Most top-level body elements rendered.</summary>
    public const int MaxBodyElements = 100;

    /// <summary>Most characters in one TextBlock before it is cut with an ellipsis.</summary>
    public const int MaxTextLength = 5000;

    /// <summary>Most top-level actions (Teams shows up to six).</summary>
    public const int MaxTopLevelActions = 6;

    /// <summary>Longest action id accepted back from a submission.</summary>
    public const int MaxActionIdLength = 100;

    /// <summary>Cuts <paramref name="text"/> to <see cref="MaxTextLength"/> characters, ending with "…".</summary>
    public static string Cut(string text) =>
        text.Length <= MaxTextLength ? text : string.Concat(text.AsSpan(0, MaxTextLength - 1), "…");
}
