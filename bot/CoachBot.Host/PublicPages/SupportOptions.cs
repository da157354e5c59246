namespace CoachBot.Host.PublicPages;

/// <summary>
/// Who runs this CoachBot and how its users reach them (configuration section <c>Support</c>), shown on the public
/// privacy, terms and support pages; docs/decisions/0031-public-pages-and-proxy.md.
/// </summary>
public sealed class SupportOptions
{
    public const string SectionName = "Support";

    /// <summary>Longest <see cref="OperatorName"/> accepted.</summary>
    public const int MaxOperatorNameLength = 120;

    /// <summary>
    /// The organisation that deploys this CoachBot and controls its data (e.g. "Example Corp"). Empty: the pages say
    /// "the organisation that runs CoachBot for your workspace".
    /// </summary>
    public string? OperatorName { get; set; }

    /// <summary>
    /// Where users ask for help: an <c>https://</c> page or a <c>mailto:</c> address (e.g. mailto:it-help@example.com).
    /// Empty: the support page tells users to ask their Slack workspace or Microsoft Teams admin.
    /// </summary>
    public string? Contact { get; set; }

    /// <summary><see cref="Contact"/> as a URI when it is set.</summary>
    public Uri? ContactUri => string.IsNullOrWhiteSpace(Contact) ? null : new Uri(Contact.Trim(), UriKind.Absolute);
}
