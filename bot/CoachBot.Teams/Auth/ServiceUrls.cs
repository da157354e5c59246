namespace CoachBot.Teams.Auth;

/// <summary>Compares the token's <c>serviceurl</c> claim with the activity's serviceUrl.</summary>
internal static class ServiceUrls
{
    /// <summary>
    /// Same scheme, host (case-insensitive), port, path (ignoring a trailing slash, case-sensitive) and query.
    /// Anything that is not an absolute URL never matches.
    /// </summary>
    public static bool AreSame(string? claim, string? activityServiceUrl)
    {
        if (!Uri.TryCreate(claim?.Trim(), UriKind.Absolute, out var a) || !Uri.TryCreate(activityServiceUrl?.Trim(), UriKind.Absolute, out var b))
        {
            return false;
        }

        return string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
            && a.Port == b.Port
            && string.Equals(a.AbsolutePath.TrimEnd('/'), b.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal)
            && string.Equals(a.Query, b.Query, StringComparison.Ordinal);
    }
}
