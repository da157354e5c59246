using CoachBot.Core.Time;
using Microsoft.Extensions.Options;

namespace CoachBot.Core;

/// <summary>Defaults for new users (configuration section <c>Coaching</c>).</summary>
public sealed class CoachingOptions
{
    public const string SectionName = "Coaching";

    /// <summary>Longest message accepted, in characters. Longer messages are refused whole, nothing stored.</summary>
    public const int MaxMessageLength = 3000;

    /// <summary>IANA time zone for users whose channel gives none.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>Local time of the daily nudge for new users, HH:mm.</summary>
    public string DefaultNudgeTime { get; set; } = "09:00";
}

/// <summary>Checks <see cref="CoachingOptions"/> at start-up with messages that name the setting and the fix.</summary>
public sealed class CoachingOptionsValidator : IValidateOptions<CoachingOptions>
{
    public ValidateOptionsResult Validate(string? name, CoachingOptions options)
    {
        var failures = new List<string>();
        if (!TimeZones.TryFind(options.DefaultTimeZone, out _))
        {
            failures.Add($"Coaching:DefaultTimeZone '{options.DefaultTimeZone}' is not an IANA time zone id; use one such as 'UTC', 'Europe/London' or 'Asia/Tokyo'.");
        }

        if (Settings.SettingsParser.TimeOfDay(options.DefaultNudgeTime) is null)
        {
            failures.Add($"Coaching:DefaultNudgeTime '{options.DefaultNudgeTime}' is not a time of day; use HH:mm, e.g. '09:00'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
