using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Teams.Auth;

/// <summary>
/// Validates inbound Bot Framework / Entra JWTs (see <see cref="ITeamsTokenValidator"/>). Never throws for a bad token
/// and never logs one; every failure comes back as <see cref="TeamsAuthResult.Invalid"/> with a reason for the log.
/// </summary>
public sealed partial class TeamsTokenValidator : ITeamsTokenValidator
{
    /// <summary>The named HttpClient used to fetch OpenID metadata and key sets.</summary>
    public const string HttpClientName = "CoachBot.Teams.Auth";

    /// <summary>How far token lifetimes may be off the clock.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TeamsTokenValidator> _logger;
    private readonly TeamsTokenSource _botFramework;
    private readonly TeamsTokenSource? _entra;
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>Creates the validator; the metadata is fetched on first use and cached.</summary>
    public TeamsTokenValidator(IOptions<TeamsOptions> options, TimeProvider time, IHttpClientFactory httpClientFactory, ILogger<TeamsTokenValidator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        var http = httpClientFactory.CreateClient(HttpClientName);
        _botFramework = TeamsTokenSource.BotFramework(_options, http);
        _entra = TeamsTokenSource.Entra(_options, http);
    }

    /// <inheritdoc />
    public async Task<TeamsAuthResult> ValidateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        if (!_options.HasAppId)
        {
            return TeamsAuthResult.Invalid("Teams:AppId is not configured, so no token can be accepted; set it to the bot's app id.");
        }

        if (!TryReadBearer(authorizationHeader, out var raw, out var headerProblem))
        {
            return TeamsAuthResult.Invalid(headerProblem);
        }

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return TeamsAuthResult.Invalid("The bearer token is not a well-formed JWT.");
        }

        var source = PickSource(token.Issuer);
        if (source is null)
        {
            return TeamsAuthResult.Invalid("The token's issuer is not Bot Framework or Entra for this bot's tenant.");
        }

        var preCheck = CheckAlgorithmAndLifetime(token);
        if (preCheck is not null)
        {
            return preCheck;
        }

        var config = await GetMetadataAsync(source, token.Kid, cancellationToken).ConfigureAwait(false);
        if (config.Result is not null)
        {
            return config.Result;
        }

        var validation = await _handler.ValidateTokenAsync(token, Parameters(source, config.Configuration!)).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return TeamsAuthResult.Invalid($"The token failed validation ({Describe(validation.Exception)}).");
        }

        return CheckBotFrameworkRules(source, token, config.Configuration!, channelId, serviceUrl);
    }

    private static bool TryReadBearer(string? header, out string token, out string problem)
    {
        token = string.Empty;
        problem = string.Empty;
        if (string.IsNullOrWhiteSpace(header))
        {
            problem = "The Authorization header is missing; the Bot Connector must send 'Bearer <JWT>'.";
            return false;
        }

        var trimmed = header.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !trimmed[..space].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            problem = "The Authorization header is not a Bearer token.";
            return false;
        }

        token = trimmed[(space + 1)..].Trim();
        if (token.Length == 0)
        {
            problem = "The Authorization header has an empty Bearer token.";
            return false;
        }

        return true;
    }

    private TeamsTokenSource? PickSource(string? issuer)
    {
        if (string.IsNullOrEmpty(issuer))
        {
            return null;
        }

        if (_botFramework.Issues(issuer))
        {
            return _botFramework;
        }

        return _entra is not null && _entra.Issues(issuer) ? _entra : null;
    }

    private TeamsAuthResult? CheckAlgorithmAndLifetime(JsonWebToken token)
    {
        if (!AllowedAlgorithms.Contains(token.Alg, StringComparer.Ordinal))
        {
            return TeamsAuthResult.Invalid($"The token's algorithm '{Printable(token.Alg)}' is not allowed; only RS256, RS384 and RS512 are accepted.");
        }

        if (!token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out _))
        {
            return TeamsAuthResult.Invalid("The token has no expiry (exp).");
        }

        var now = _time.GetUtcNow().UtcDateTime;
        if (now > token.ValidTo + ClockSkew)
        {
            return TeamsAuthResult.Invalid("The token has expired.");
        }

        if (token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Nbf, out _) && now < token.ValidFrom - ClockSkew)
        {
            return TeamsAuthResult.Invalid("The token is not valid yet (nbf is in the future).");
        }

        return null;
    }

    private async Task<MetadataLookup> GetMetadataAsync(TeamsTokenSource source, string? kid, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(kid))
        {
            return new(null, TeamsAuthResult.Invalid("The token has no key id (kid)."));
        }

        try
        {
            var config = await source.Metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
            if (!HasKey(config, kid))
            {
                // Keys rotate: refresh once, then give up.
                var latest = await source.FetchLatestAsync(_time, cancellationToken).ConfigureAwait(false);
                if (latest is null || !HasKey(latest, kid))
                {
                    return new(null, TeamsAuthResult.Invalid($"The token's signing key '{Printable(kid)}' is not in the {source.Name} metadata."));
                }

                config = latest;
            }

            return new(config, null);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException or ArgumentException)
        {
            LogMetadataUnavailable(_logger, source.Name, e.GetType().Name, e.Message);
            return new(null, TeamsAuthResult.Invalid("metadata unavailable"));
        }
    }

    private static bool HasKey(OpenIdConnectConfiguration config, string kid) =>
        config.SigningKeys.Any(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal));

    private TokenValidationParameters Parameters(TeamsTokenSource source, OpenIdConnectConfiguration config) => new()
    {
        ValidateIssuer = true,
        ValidIssuers = source.Issuers,
        ValidateAudience = true,
        ValidAudience = _options.AppId,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = config.SigningKeys,
        RequireSignedTokens = true,
        ValidAlgorithms = AllowedAlgorithms,
        TryAllIssuerSigningKeys = false,

        // Lifetime is checked beforehand against the injected TimeProvider (CheckAlgorithmAndLifetime).
        ValidateLifetime = false,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
    };

    private TeamsAuthResult CheckBotFrameworkRules(TeamsTokenSource source, JsonWebToken token, OpenIdConnectConfiguration config, string? channelId, string? serviceUrl)
    {
        if (!source.IsBotFramework)
        {
            // Entra issues app-only tokens for this bot to any app of the tenant: only named callers, with the
            // bot's tenant and a matching serviceurl claim, get through (docs/decisions/0016).
            return EntraCallerRules.Check(token, _options, serviceUrl);
        }

        // Bot Connector tokens name no tenant today; one that does must name the bot's.
        if (!string.IsNullOrWhiteSpace(_options.TenantId) && token.TryGetPayloadValue<string>("tid", out var tid)
            && !string.Equals(tid, _options.TenantId.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return TeamsAuthResult.Invalid("The token's tenant (tid) is not Teams:TenantId.");
        }

        if (string.IsNullOrWhiteSpace(channelId))
        {
            return TeamsAuthResult.Invalid("The activity has no channelId, so the signing key's endorsement cannot be checked.");
        }

        if (!KeyEndorsements.Endorses(config.JsonWebKeySet, token.Kid, channelId))
        {
            return TeamsAuthResult.Invalid($"The signing key is not endorsed for channel '{Printable(channelId)}'.");
        }

        if (!token.TryGetPayloadValue<string>("serviceurl", out var claim) || string.IsNullOrWhiteSpace(claim))
        {
            return TeamsAuthResult.Invalid("The Bot Framework token has no serviceurl claim.");
        }

        return ServiceUrls.AreSame(claim, serviceUrl)
            ? TeamsAuthResult.Valid
            : TeamsAuthResult.Invalid("The token's serviceurl claim does not match the activity's serviceUrl.");
    }

    private static string Describe(Exception? e) => e switch
    {
        null => "unknown reason",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed",
        SecurityTokenSignatureKeyNotFoundException => "signing key not found",
        SecurityTokenInvalidSignatureException => "bad signature",
        _ => e.GetType().Name,
    };

    /// <summary>Header values come from the caller: keep them short and printable in reasons.</summary>
    internal static string Printable(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "(none)";
        }

        var clean = new string([.. value.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);
        return value.Length > 64 ? clean + "…" : clean;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams {Source} OpenID metadata is unavailable ({ErrorType}: {Error}); inbound activities are refused until it loads.")]
    private static partial void LogMetadataUnavailable(ILogger logger, string source, string errorType, string error);

    private readonly record struct MetadataLookup(OpenIdConnectConfiguration? Configuration, TeamsAuthResult? Result);
}
