using Microsoft.IdentityModel.JsonWebTokens;

namespace CoachBot.Teams.Auth;

/// <summary>
/// What an Entra-issued token (signature, issuer and audience already checked) must also carry: a calling app listed
/// in <see cref="TeamsOptions.AllowedCallers"/>, the bot's tenant in <c>tid</c>, and a <c>serviceurl</c> claim equal to
/// the activity's serviceUrl. Entra signs such tokens for any app registration in the tenant, so none of these is optional.
/// </summary>
internal static class EntraCallerRules
{
    /// <summary>The checks in order; the first failure is the reason.</summary>
    public static TeamsAuthResult Check(JsonWebToken token, TeamsOptions options, string? serviceUrl)
    {
        if (options.AllowedCallers.Count == 0)
        {
            return TeamsAuthResult.Invalid(
                "An Entra-issued token was refused: Teams:AllowedCallers is empty, so only Bot Connector tokens are accepted.");
        }

        var caller = CallerOf(token);
        if (caller is null || !options.AllowedCallers.Any(c => string.Equals(c.Trim(), caller, StringComparison.OrdinalIgnoreCase)))
        {
            return TeamsAuthResult.Invalid($"The Entra token's calling app '{TeamsTokenValidator.Printable(caller)}' is not in Teams:AllowedCallers.");
        }

        if (!token.TryGetPayloadValue<string>("tid", out var tid)
            || !string.Equals(tid, options.TenantId?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return TeamsAuthResult.Invalid("The Entra token's tenant (tid) is missing or is not Teams:TenantId.");
        }

        if (!token.TryGetPayloadValue<string>("serviceurl", out var claim) || string.IsNullOrWhiteSpace(claim))
        {
            return TeamsAuthResult.Invalid("The Entra token has no serviceurl claim.");
        }

        return ServiceUrls.AreSame(claim, serviceUrl)
            ? TeamsAuthResult.Valid
            : TeamsAuthResult.Invalid("The token's serviceurl claim does not match the activity's serviceUrl.");
    }

    /// <summary>
    /// The calling app: <c>azp</c> in v2.0 tokens, <c>appid</c> in v1.0 tokens (Entra's access-token reference); a
    /// token that names neither version is read as v1 first, as Entra's v1 tokens may omit <c>ver</c>.
    /// </summary>
    public static string? CallerOf(JsonWebToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        token.TryGetPayloadValue<string>("ver", out var version);
        var azp = token.TryGetPayloadValue<string>("azp", out var a) ? a : null;
        var appid = token.TryGetPayloadValue<string>("appid", out var b) ? b : null;
        return version switch
        {
            "2.0" => azp,
            "1.0" => appid,
            _ => appid ?? azp,
        };
    }
}
