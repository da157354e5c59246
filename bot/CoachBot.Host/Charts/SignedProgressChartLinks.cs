using CoachBot.Core.Habits;
using CoachBot.Core.Users;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Charts;

/// <summary>
/// Progress chart links as <c>/charts/progress/{payload}.{signature}.png</c> (<see cref="ChartLinkTokens"/>): the
/// payload names the user, the language and the expiry, and no kind, as progress links did before other kinds existed.
/// </summary>
public sealed class SignedProgressChartLinks : IProgressChartLinks
{
    public const string RoutePrefix = "/charts/progress/";

    private readonly ChartLinkTokens _tokens;

    public SignedProgressChartLinks(ChartSigningKey key, TimeProvider time, IOptions<ChartsOptions> options) =>
        _tokens = new ChartLinkTokens(key, time, options);

    public string CreateUrl(UserRef user, string language) => _tokens.Url(RoutePrefix, CreateToken(user, language));

    /// <summary>The token part of a link, valid for <see cref="ChartsOptions.LinkLifetime"/> from now.</summary>
    public string CreateToken(UserRef user, string language) => _tokens.Create(kind: null, user, language);

    /// <summary>The ticket of a token whose signature is right and that has not expired; otherwise null.</summary>
    /// <remarks>Tokens of other kinds of chart (team health, missions) carry a kind: never a progress chart.</remarks>
    public ChartTicket? Read(string token) => _tokens.Read(token, kind: null)?.Ticket;
}
