using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Charts;

/// <summary>The key that signs chart links: <c>Charts:SigningKey</c>, or a random one (with a warning) when unset.</summary>
public sealed class ChartSigningKey
{
    public ChartSigningKey(IOptions<ChartsOptions> options, ILogger<ChartSigningKey> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Value.SigningKey))
        {
            Bytes = RandomNumberGenerator.GetBytes(ChartsOptions.MinKeyBytes);
            logger.LogWarning(
                "Charts:SigningKey is not set; using a random key. Chart links will stop working after a restart and on other replicas. Set Charts__SigningKey (base64, 32+ bytes) in the environment or user-secrets.");
        }
        else
        {
            // The validator has already checked it is base64 and long enough.
            Bytes = Convert.FromBase64String(options.Value.SigningKey.Trim());
        }
    }

    internal byte[] Bytes { get; }
}
