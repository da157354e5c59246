using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using CoachBot.Core.Reflections;
using CoachBot.Core.Users;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage.Reflections;

/// <summary>
/// Names reflection answer rows by HMAC-SHA256(key, author | channel | week): the author (who knows who they are)
/// finds their row again, while someone reading storage sees an id that points to no one. The key comes from
/// <see cref="AnswerKeyOptions.ReflectionAnswerKey"/>; against the emulator without one, a development key is generated
/// once and kept in the emulator itself (local mode only, where storage is the laptop's).
/// </summary>
public sealed class ReflectionAnswerKey
{
    private const string LocalKeyPartition = "reflection-answer-key";

    private readonly CoachBotTables _tables;
    private readonly string? _configured;
    private readonly bool _emulator;
    private readonly Lock _sync = new();
    private Task<byte[]>? _key;

    public ReflectionAnswerKey(CoachBotTables tables, IOptions<AnswerKeyOptions> options, IOptions<StorageOptions> storage)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        _tables = tables;
        _configured = options.Value.ReflectionAnswerKey;
        _emulator = storage.Value.IsEmulator;
    }

    /// <summary>The key's bytes from base64, or null when it is not base64 of at least <see cref="AnswerKeyOptions.MinKeyBytes"/> bytes.</summary>
    public static byte[]? TryDecode(string? base64)
    {
        var buffer = new byte[((base64?.Length ?? 0) * 3 / 4) + 3];
        return base64 is not null && Convert.TryFromBase64String(base64.Trim(), buffer, out var written) && written >= AnswerKeyOptions.MinKeyBytes
            ? buffer[..written]
            : null;
    }

    /// <summary>The RowKey of <paramref name="author"/>'s answer to one round: 64 hex digits.</summary>
    public async Task<string> RowKeyAsync(UserRef author, TeamChannel channel, string week, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(channel);
        var key = await KeyAsync().WaitAsync(cancellationToken);

        // Newlines cannot occur in any of the three parts' keys, so the joined text is unambiguous.
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(author.Key + "\n" + channel.Key + "\n" + week));
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>Loads the key once per process; a failed load (storage down) is tried again by the next caller.</summary>
    private Task<byte[]> KeyAsync()
    {
        lock (_sync)
        {
            if (_key is null || _key.IsFaulted || _key.IsCanceled)
            {
                // Not the caller's token: the load is shared by every caller waiting on it.
                _key = string.IsNullOrWhiteSpace(_configured)
                    ? LocalKeyAsync(CancellationToken.None)
                    : Task.FromResult(TryDecode(_configured) ?? throw new InvalidOperationException(
                        "Privacy:ReflectionAnswerKey is not base64 of at least 32 bytes; the start-up check should have stopped the host."));
            }

            return _key;
        }
    }

    /// <summary>The emulator's development key: the first replica's random key wins (insert-only), all read it back.</summary>
    private async Task<byte[]> LocalKeyAsync(CancellationToken cancellationToken)
    {
        if (!_emulator)
        {
            throw new InvalidOperationException(
                "Privacy:ReflectionAnswerKey is not set; a generated key is allowed only against the local storage emulator.");
        }

        var fresh = new TableEntity(LocalKeyPartition, string.Empty) { ["Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        await _tables.TryAddEntityAsync(StorageTableNames.LocalKeys, fresh, cancellationToken);
        var stored = await _tables.GetEntityOrDefaultAsync<TableEntity>(StorageTableNames.LocalKeys, LocalKeyPartition, string.Empty, cancellationToken)
            ?? throw new InvalidOperationException("The local development key could not be read back from the emulator.");
        return TryDecode(stored.GetString("Key")) ?? throw new InvalidOperationException("The emulator's development key is damaged; delete its LocalKeys table.");
    }
}
