using CoachBot.Core.Installations;

namespace CoachBot.Testing.Fakes;

/// <summary><see cref="IInstallationStore"/> in memory: upsert by channel and tenant.</summary>
public sealed class InMemoryInstallationStore : IInstallationStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Channel, string TenantId), Installation> _installations = [];

    public Task SaveAsync(Installation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _installations[(installation.Channel, installation.TenantId)] = installation with { Scopes = [.. installation.Scopes] };
        }

        return Task.CompletedTask;
    }

    public Task<Installation?> GetAsync(string channel, string tenantId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_installations.GetValueOrDefault((channel, tenantId)));
        }
    }

    public Task<IReadOnlyList<Installation>> ListByEnterpriseAsync(string channel, string enterpriseId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(enterpriseId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Installation>>(
                [.. _installations.Values.Where(i => i.Channel == channel && string.Equals(i.EnterpriseId, enterpriseId, StringComparison.Ordinal))]);
        }
    }

    public Task<IReadOnlyList<Installation>> ListAsync(string channel, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Installation>>([.. _installations.Values.Where(i => i.Channel == channel)]);
        }
    }

    public Task<bool> ReplaceBotTokenAsync(string channel, string tenantId, string expectedBotToken, string newBotToken, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_installations.TryGetValue((channel, tenantId), out var installation) || installation.BotToken != expectedBotToken)
            {
                return Task.FromResult(false);
            }

            _installations[(channel, tenantId)] = installation with { BotToken = newBotToken };
            return Task.FromResult(true);
        }
    }

    public Task DeleteAsync(string channel, string tenantId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _installations.Remove((channel, tenantId));
        }

        return Task.CompletedTask;
    }
}
