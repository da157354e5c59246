using System.Globalization;
using System.Text.Encodings.Web;

namespace CoachBot.Host.PublicPages;

/// <summary>
/// What the public pages say that depends on this deployment, already HTML-encoded: the uninstall grace period, the
/// operator's name and the support contact. Everything from settings or the request goes through here or through
/// <see cref="PublicPageLayout"/>, so no page writes an unencoded value.
/// </summary>
public sealed class PublicPageFacts
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public PublicPageFacts(int graceDays, string? operatorName, Uri? contact)
    {
        GraceDays = graceDays.ToString(CultureInfo.InvariantCulture);
        GraceDaysEn = GraceDays + (graceDays == 1 ? " day" : " days");
        OperatorName = string.IsNullOrWhiteSpace(operatorName) ? null : Html.Encode(operatorName.Trim());
        if (contact is not null)
        {
            ContactHref = Html.Encode(contact.AbsoluteUri);
            ContactText = Html.Encode(contact.Scheme == "mailto" ? contact.UserInfo + "@" + contact.Host : contact.AbsoluteUri);
        }
    }

    /// <summary>The grace period as a number ("30").</summary>
    public string GraceDays { get; }

    /// <summary>The grace period in English ("30 days", "1 day").</summary>
    public string GraceDaysEn { get; }

    /// <summary>The operator's name, encoded; null when not configured.</summary>
    public string? OperatorName { get; }

    /// <summary>The contact link's href, encoded; null when not configured.</summary>
    public string? ContactHref { get; }

    /// <summary>The contact as shown (an address without mailto:, or the URL), encoded.</summary>
    public string? ContactText { get; }

    /// <summary>The contact as a link, or null.</summary>
    public string? ContactLink => ContactHref is null ? null : $"<a href=\"{ContactHref}\">{ContactText}</a>";
}
