using System.Buffers.Text;
using System.Security.Cryptography;
using CoachBot.Core.Conversation;

namespace CoachBot.Host.Local;

/// <summary>
/// Files the local channel offers as download links instead of inlining them in JSON (an export can be large, and a
/// link is what a chat client shows). Each file gets an unguessable token (32 random bytes, base64url) and lives
/// for <see cref="Lifetime"/>; at most <see cref="Capacity"/> are kept, oldest dropped first. In memory only, like
/// <see cref="LocalInbox"/>: a transport buffer, not a store, so a restart simply expires every link.
/// </summary>
public sealed class LocalDownloads
{
    /// <summary>How long a link works. Long enough to click, short enough that a personal export does not linger.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>Files kept at once; older ones are dropped.</summary>
    public const int Capacity = 200;

    /// <summary>Where the links point; <see cref="LocalChannelEndpoints"/> serves this path.</summary>
    public const string UrlPrefix = "/api/local/files/";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LocalDownload> _byToken = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly TimeProvider _time;

    public LocalDownloads(TimeProvider time) => _time = time;

    /// <summary>Keeps the file and returns its relative URL, e.g. <c>/api/local/files/Qm9v...</c>.</summary>
    public string Add(ReplyAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            _byToken[token] = new LocalDownload(attachment.FileName, attachment.MediaType, attachment.Content, now + Lifetime);
            _order.Enqueue(token);
            while (_order.TryPeek(out var oldest)
                && (_order.Count > Capacity || !_byToken.TryGetValue(oldest, out var file) || file.ExpiresAt <= now))
            {
                _byToken.Remove(_order.Dequeue());
            }
        }

        return UrlPrefix + token;
    }

    /// <summary>The file behind a token, or null when the token is unknown or its link has expired.</summary>
    public LocalDownload? Find(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        lock (_gate)
        {
            if (!_byToken.TryGetValue(token, out var file))
            {
                return null;
            }

            if (file.ExpiresAt <= _time.GetUtcNow())
            {
                // Left in the order queue; Add drops it from there when it reaches the front.
                _byToken.Remove(token);
                return null;
            }

            return file;
        }
    }
}
