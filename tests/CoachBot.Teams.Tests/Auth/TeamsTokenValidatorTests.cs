using CoachBot.Teams.Auth;
using CoachBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Teams.Tests.Auth;

public sealed class TeamsTokenValidatorTests : IClassFixture<TestTokenIssuer>, IDisposable
{
    private const string Channel = "msteams";
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private readonly TestTokenIssuer _issuer;
    private readonly FakeTimeProvider _time = new(Start);
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ServiceProvider _services;
    private readonly ITeamsTokenValidator _validator;

    public TeamsTokenValidatorTests(TestTokenIssuer issuer)
    {
        _issuer = issuer;
        _services = Build(new TeamsOptions
        {
            AppId = TestTokenIssuer.AppId,
            TenantId = TestTokenIssuer.TenantId,
            OpenIdMetadataUrl = issuer.BotFrameworkMetadataUrl,
            EntraOpenIdMetadataUrl = issuer.EntraMetadataTemplate,
        });
        _validator = _services.GetRequiredService<ITeamsTokenValidator>();
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Valid_bot_framework_token_is_accepted()
    {
        var result = await Validate(Bearer(Spec()));

        Assert.True(result.IsValid, result.Failure);
        Assert.Null(result.Failure);
    }

    [Fact]
    public async Task Service_url_comparison_ignores_trailing_slash_and_host_case()
    {
        var result = await _validator.ValidateAsync(Bearer(Spec()), Channel, "https://SMBA.TrafficManager.net/emea", default);

        Assert.True(result.IsValid, result.Failure);
    }

    [Fact]
    public async Task Wrong_audience_is_rejected()
    {
        var result = await Validate(Bearer(Spec() with { Audience = "someone-else" }));

        AssertInvalid(result, "audience");
    }

    [Fact]
    public async Task Unknown_issuer_is_rejected()
    {
        var result = await Validate(Bearer(Spec() with { Issuer = "https://evil.example.com" }));

        AssertInvalid(result, "issuer");
    }

    [Fact]
    public async Task Expired_beyond_skew_is_rejected()
    {
        var result = await Validate(Bearer(Spec() with { NotBefore = Start.AddHours(-2), Expires = Start.AddMinutes(-6) }));

        AssertInvalid(result, "expired");
    }

    [Fact]
    public async Task Expired_within_skew_is_accepted()
    {
        var result = await Validate(Bearer(Spec() with { NotBefore = Start.AddHours(-2), Expires = Start.AddMinutes(-4) }));

        Assert.True(result.IsValid, result.Failure);
    }

    [Fact]
    public async Task Not_yet_valid_beyond_skew_is_rejected()
    {
        var result = await Validate(Bearer(Spec() with { NotBefore = Start.AddMinutes(6), Expires = Start.AddHours(1) }));

        AssertInvalid(result, "not valid yet");
    }

    [Fact]
    public async Task Not_yet_valid_within_skew_is_accepted()
    {
        var result = await Validate(Bearer(Spec() with { NotBefore = Start.AddMinutes(4), Expires = Start.AddHours(1) }));

        Assert.True(result.IsValid, result.Failure);
    }

    [Fact]
    public async Task Token_turns_invalid_when_the_clock_moves_past_expiry_and_skew()
    {
        var header = Bearer(Spec() with { Expires = Start.AddMinutes(10) });
        Assert.True((await Validate(header)).IsValid);

        _time.Advance(TimeSpan.FromMinutes(16));

        AssertInvalid(await Validate(header), "expired");
    }

    [Fact]
    public async Task Unknown_key_id_is_rejected()
    {
        var result = await Validate(Bearer(Spec() with { KeyId = "unpublished" }));

        AssertInvalid(result, "unpublished");
    }

    [Fact]
    public async Task New_key_is_found_after_one_metadata_refresh()
    {
        Assert.True((await Validate(Bearer(Spec()))).IsValid);
        _issuer.PublishRotatedKey();

        var result = await Validate(Bearer(Spec() with { KeyId = "rotated" }));

        Assert.True(result.IsValid, result.Failure);
    }

    [Theory]
    [InlineData("webchat-only")]
    [InlineData("empty")]
    public async Task Key_not_endorsed_for_the_channel_is_rejected(string keyId)
    {
        var result = await Validate(Bearer(Spec() with { KeyId = keyId }));

        AssertInvalid(result, "endorsed");
    }

    [Fact]
    public async Task Key_endorsed_for_another_channel_is_accepted_for_that_channel()
    {
        var result = await _validator.ValidateAsync(Bearer(Spec() with { KeyId = "webchat-only" }), "webchat", TestTokenIssuer.ServiceUrl, default);

        Assert.True(result.IsValid, result.Failure);
    }

    [Fact]
    public async Task Missing_channel_id_is_rejected()
    {
        var result = await _validator.ValidateAsync(Bearer(Spec()), null, TestTokenIssuer.ServiceUrl, default);

        AssertInvalid(result, "channelId");
    }

    [Fact]
    public async Task Service_url_mismatch_is_rejected()
    {
        var result = await Validate(Bearer(Spec() with { ServiceUrl = "https://attacker.example.com/emea/" }));

        AssertInvalid(result, "serviceurl");
    }

    [Fact]
    public async Task Missing_service_url_claim_is_rejected()
    {
        var result = await Validate(Bearer(Spec() with { ServiceUrl = null }));

        AssertInvalid(result, "no serviceurl");
    }

    [Fact]
    public async Task Unsigned_none_algorithm_token_is_rejected()
    {
        var result = await Validate("Bearer " + TestTokenIssuer.UnsignedToken(Spec()));

        AssertInvalid(result, "algorithm");
    }

    [Fact]
    public async Task Hs256_token_is_rejected()
    {
        var result = await Validate("Bearer " + TestTokenIssuer.SignSymmetric(Spec()));

        AssertInvalid(result, "algorithm");
    }

    [Fact]
    public async Task Rs512_token_is_accepted()
    {
        var result = await Validate("Bearer " + _issuer.Sign(Spec(), SecurityAlgorithms.RsaSha512));

        Assert.True(result.IsValid, result.Failure);
    }

    [Fact]
    public async Task Token_signed_by_another_key_under_a_published_kid_is_rejected()
    {
        // Signed with the unpublished private key but labelled "good": the signature cannot verify.
        var forged = _issuer.Sign(Spec() with { KeyId = "unpublished" }).Split('.');
        var goodHeader = _issuer.Sign(Spec()).Split('.')[0];

        var result = await Validate($"Bearer {goodHeader}.{forged[1]}.{forged[2]}");

        AssertInvalid(result, "signature");
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("", "missing")]
    [InlineData("   ", "missing")]
    [InlineData("Basic dXNlcjpwYXNz", "not a Bearer")]
    [InlineData("Bearer", "not a Bearer")]
    [InlineData("Bearer    ", "not a Bearer")]
    [InlineData("Bearer not-a-jwt", "well-formed")]
    [InlineData("Bearer a.b.c", "well-formed")]
    public async Task Bad_headers_are_rejected_with_a_reason(string? header, string reason)
    {
        var result = await Validate(header);

        AssertInvalid(result, reason);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/tenant-one/v2.0", "2.0", "azp")]
    [InlineData("https://sts.windows.net/tenant-one/", "1.0", "appid")]
    public async Task Entra_token_from_an_allowed_caller_of_the_tenant_is_accepted(string issuer, string version, string callerClaim)
    {
        var spec = Entra() with
        {
            Issuer = issuer,
            Claims = new Dictionary<string, object> { ["ver"] = version, [callerClaim] = TestTokenIssuer.AllowedCaller, ["tid"] = TestTokenIssuer.TenantId },
        };

        var result = await ValidateWithCallers(Bearer(spec));

        Assert.True(result.IsValid, result.Failure);
    }

    [Fact]
    public async Task ValidateAsync_BotFrameworkTokenNamingAnotherTenant_IsRejected()
    {
        var spec = Spec() with { Claims = new Dictionary<string, object> { ["tid"] = "tenant-two" } };

        AssertInvalid(await Validate(Bearer(spec)), "tid");
        Assert.True((await Validate(Bearer(Spec() with { Claims = new Dictionary<string, object> { ["tid"] = TestTokenIssuer.TenantId } }))).IsValid);
    }

    [Fact]
    public async Task ValidateAsync_EntraTokenWithoutAllowedCallersSetting_IsRejected()
    {
        AssertInvalid(await Validate(Bearer(Entra())), "AllowedCallers is empty");
    }

    public static TheoryData<string, string> ForgedEntraTokens => new()
    {
        { "foreign azp", "calling app" },
        { "v1 token with a foreign appid", "calling app" },
        { "v2 token naming the allowed app only in appid", "calling app" },
        { "no caller", "calling app" },
        { "no serviceurl", "no serviceurl" },
        { "other serviceurl", "does not match" },
        { "no tid", "tid" },
        { "other tid", "tid" },
    };

    [Theory]
    [MemberData(nameof(ForgedEntraTokens))]
    public async Task ValidateAsync_ForgedEntraToken_IsRejected(string forgery, string reason)
    {
        var good = Entra();
        var claims = new Dictionary<string, object>(good.Claims!);
        var spec = good;
        switch (forgery)
        {
            case "foreign azp": claims["azp"] = TestTokenIssuer.ForeignCaller; break;
            case "v1 token with a foreign appid": claims["ver"] = "1.0"; claims["appid"] = TestTokenIssuer.ForeignCaller; break;
            case "v2 token naming the allowed app only in appid": claims["azp"] = TestTokenIssuer.ForeignCaller; claims["appid"] = TestTokenIssuer.AllowedCaller; break;
            case "no caller": claims.Remove("azp"); break;
            case "no serviceurl": spec = good with { ServiceUrl = null }; break;
            case "other serviceurl": spec = good with { ServiceUrl = "https://smba.trafficmanager.net/other/" }; break;
            case "no tid": claims.Remove("tid"); break;
            default: claims["tid"] = "tenant-two"; break;
        }

        AssertInvalid(await ValidateWithCallers(Bearer(spec with { Claims = claims })), reason);
    }

    [Fact]
    public async Task Entra_token_for_another_tenant_is_rejected()
    {
        var spec = Entra() with { Issuer = "https://login.microsoftonline.com/tenant-two/v2.0" };

        AssertInvalid(await ValidateWithCallers(Bearer(spec)), "issuer");
    }

    [Fact]
    public async Task Entra_key_cannot_sign_a_bot_framework_token()
    {
        var result = await Validate(Bearer(Spec() with { KeyId = "entra" }));

        AssertInvalid(result, "entra");
    }

    [Fact]
    public async Task Unreachable_metadata_gives_metadata_unavailable()
    {
        using var services = Build(new TeamsOptions
        {
            AppId = TestTokenIssuer.AppId,
            OpenIdMetadataUrl = new Uri(_issuer.Root, "nothing-here"),
        });
        var validator = services.GetRequiredService<ITeamsTokenValidator>();

        var token = _issuer.Sign(Spec());

        var result = await validator.ValidateAsync("Bearer " + token, Channel, TestTokenIssuer.ServiceUrl, default);

        Assert.False(result.IsValid);
        Assert.Equal("metadata unavailable", result.Failure);
        var warning = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("metadata is unavailable", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], string.Concat(_logs.Entries.Select(e => e.Message)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_app_id_every_token_is_rejected()
    {
        using var services = Build(new TeamsOptions { OpenIdMetadataUrl = _issuer.BotFrameworkMetadataUrl });
        var validator = services.GetRequiredService<ITeamsTokenValidator>();

        AssertInvalid(await validator.ValidateAsync(Bearer(Spec()), Channel, TestTokenIssuer.ServiceUrl, default), "AppId");
    }

    [Fact]
    public async Task Failure_reasons_never_contain_the_token()
    {
        var token = _issuer.Sign(Spec() with { Audience = "someone-else" });

        var result = await Validate("Bearer " + token);

        Assert.False(result.IsValid);
        Assert.DoesNotContain(token.Split('.')[2], result.Failure!, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[1], result.Failure!, StringComparison.Ordinal);
    }

    private ServiceProvider Build(TeamsOptions options)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(_logs));
        services.AddSingleton(Options.Create(options));
        services.AddSingleton<TimeProvider>(_time);
        services.AddTeamsAuth();
        return services.BuildServiceProvider();
    }

    private static TokenSpec Spec() => TestTokenIssuer.BotFrameworkSpec(Start);

    private static TokenSpec Entra() => TestTokenIssuer.EntraSpec(Start, TestTokenIssuer.TenantId, TestTokenIssuer.ServiceUrl);

    private async Task<TeamsAuthResult> ValidateWithCallers(string header)
    {
        using var services = Build(new TeamsOptions
        {
            AppId = TestTokenIssuer.AppId,
            TenantId = TestTokenIssuer.TenantId,
            AllowedCallers = [TestTokenIssuer.AllowedCaller],
            OpenIdMetadataUrl = _issuer.BotFrameworkMetadataUrl,
            EntraOpenIdMetadataUrl = _issuer.EntraMetadataTemplate,
        });
        return await services.GetRequiredService<ITeamsTokenValidator>().ValidateAsync(header, Channel, TestTokenIssuer.ServiceUrl, default);
    }

    private string Bearer(TokenSpec spec) => "Bearer " + _issuer.Sign(spec);

    private Task<TeamsAuthResult> Validate(string? header) =>
        _validator.ValidateAsync(header, Channel, TestTokenIssuer.ServiceUrl, default);

    private static void AssertInvalid(TeamsAuthResult result, string reasonPart)
    {
        Assert.False(result.IsValid);
        Assert.NotNull(result.Failure);
        Assert.Contains(reasonPart, result.Failure, StringComparison.OrdinalIgnoreCase);
    }
}
