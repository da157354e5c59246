using CoachBot.Core.OneOnOnes.Calendar;
using CoachBot.Host.Charts;
using CoachBot.Host.Local;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Calendar;

/// <summary>Feed addresses as <c>{Charts:PublicBaseUrl}/calendar/{token}.ics</c>, the base every other link uses.</summary>
public sealed class CalendarFeedLinks : ICalendarFeedLinks
{
    public const string RoutePrefix = "/calendar/";
    public const string Suffix = ".ics";

    private readonly string _baseUrl;

    public CalendarFeedLinks(IOptions<ChartsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _baseUrl = options.Value.PublicBaseUrl?.Trim().TrimEnd('/') ?? string.Empty;
    }

    public string? TryCreateUrl(string token, string channel)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        if (_baseUrl.Length == 0 && channel != LocalChannel.Name)
        {
            return null;
        }

        return $"{_baseUrl}{RoutePrefix}{Uri.EscapeDataString(token)}{Suffix}";
    }
}
