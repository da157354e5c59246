namespace CoachBot.Host.Exports;

/// <summary>
/// Export download links (configuration section <c>Exports</c>); see docs/decisions/0020-export-delivery-and-limits.md.
/// The links are signed with <c>Charts:SigningKey</c> and made absolute with <c>Charts:PublicBaseUrl</c>.
/// </summary>
public sealed class ExportsOptions
{
    public const string SectionName = "Exports";

    /// <summary>Longest lifetime accepted: a link is a bearer credential for a person's whole record.</summary>
    public const int MaxLinkLifetimeMinutes = 60;

    /// <summary>How long an export download link works, in minutes (1 to 60; default 15).</summary>
    public int LinkLifetimeMinutes { get; set; } = 15;

    public TimeSpan LinkLifetime => TimeSpan.FromMinutes(LinkLifetimeMinutes);
}
