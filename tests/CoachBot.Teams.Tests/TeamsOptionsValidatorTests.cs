namespace CoachBot.Teams.Tests;

public sealed class TeamsOptionsValidatorTests
{
    private readonly TeamsOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeed() => Assert.True(_validator.Validate(null, new TeamsOptions()).Succeeded);

    [Theory]
    [InlineData(TeamsCredential.ClientSecret, null, "9f8e7d6c-aaaa-4bbb-8ccc-dddddddddddd", "only read with Teams:Credential FederatedCredential")]
    [InlineData(TeamsCredential.FederatedCredential, null, "not-a-guid", "Teams:ManagedIdentityClientId is not a client id")]
    [InlineData(TeamsCredential.ManagedIdentity, null, "9f8e7d6c-aaaa-4bbb-8ccc-dddddddddddd", "Teams:AppId is the identity's client id")]
    [InlineData(TeamsCredential.FederatedCredential, "a-secret", null, "Teams:AppPassword is set but Teams:Credential is FederatedCredential")]
    [InlineData((TeamsCredential)7, null, null, "Teams:Credential must be ClientSecret, ManagedIdentity or FederatedCredential")]
    public void Validate_CredentialMixUp_SaysWhichSettingToChange(TeamsCredential credential, string? password, string? clientId, string message)
    {
        var result = _validator.Validate(null, new TeamsOptions
        {
            AppId = "6a1b2c3d-1111-2222-3333-444455556666", AppPassword = password, Credential = credential, ManagedIdentityClientId = clientId,
        });

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("a-secret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TeamsCredential.ManagedIdentity, null)]
    [InlineData(TeamsCredential.FederatedCredential, "9f8e7d6c-aaaa-4bbb-8ccc-dddddddddddd")]
    [InlineData(TeamsCredential.FederatedCredential, null)]
    public void Validate_KeylessCredential_WithoutPassword_Succeeds(TeamsCredential credential, string? clientId) =>
        Assert.True(_validator.Validate(null, new TeamsOptions
        {
            AppId = "6a1b2c3d-1111-2222-3333-444455556666", Credential = credential, ManagedIdentityClientId = clientId,
        }).Succeeded);

    [Fact]
    public void Validate_AllowedCallersWithoutTenant_NamesBothSettings()
    {
        var result = _validator.Validate(null, new TeamsOptions { AllowedCallers = ["99999999-8888-7777-6666-555555555555"] });

        Assert.True(result.Failed);
        Assert.Contains("Teams:AllowedCallers needs Teams:TenantId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" ", 30, 3600, "empty entry")]
    [InlineData(null, 0, 3600, "Teams:ReplyRetryInterval")]
    [InlineData(null, 30, -1, "Teams:ReplyRetryWindow")]
    public void Validate_BadSetting_SaysWhichAndHowToFixIt(string? caller, int intervalSeconds, int windowSeconds, string message)
    {
        var options = new TeamsOptions
        {
            TenantId = "tenant-one",
            AllowedCallers = caller is null ? [] : [caller],
            ReplyRetryInterval = TimeSpan.FromSeconds(intervalSeconds),
            ReplyRetryWindow = TimeSpan.FromSeconds(windowSeconds),
        };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownCloud_ListsTheKnownOnes() =>
        Assert.Contains("Public, Gcc, GccHigh or DoD", _validator.Validate(null, new TeamsOptions { Cloud = (TeamsCloud)42 }).FailureMessage, StringComparison.Ordinal);
}
