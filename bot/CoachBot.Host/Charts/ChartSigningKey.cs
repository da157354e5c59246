using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Charts;

/// <summary>
/// The keys that sign chart and export links: <c>Charts:SigningKey</c> (or a random one, with a warning, when unset)
/// signs every new link; <c>Charts:PreviousSigningKey</c>, while a rotation is under way, still opens the links it
/// signed before, so no link younger than its lifetime breaks (see docs/operations.md, "Rotating a key").
/// </summary>
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

        // The validator refuses a previous key without a current one, so a random current key never sits beside it.
        Previous = string.IsNullOrWhiteSpace(options.Value.PreviousSigningKey)
            ? null
            : Convert.FromBase64String(options.Value.PreviousSigningKey.Trim());
    }

    /// <summary>The key that signs.</summary>
    internal byte[] Bytes { get; }

    /// <summary>The key of the rotation under way, which only verifies; null when none is.</summary>
    internal byte[]? Previous { get; }

    /// <summary>The current key first, then the previous one if set: the order in which a link is tried.</summary>
    internal IReadOnlyList<byte[]> All => Previous is null ? [Bytes] : [Bytes, Previous];
}
