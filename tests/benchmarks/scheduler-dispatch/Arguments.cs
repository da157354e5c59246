using System.Globalization;

namespace CoachBot.Benchmarks.SchedulerDispatch;

/// <summary><c>--name value</c> and <c>--flag</c> command-line options.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public Arguments(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                Mode ??= args[i];
                continue;
            }

            var name = args[i][2..];
            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            _values[name] = hasValue ? args[++i] : null;
        }
    }

    /// <summary>The first bare word, e.g. <c>dispatch</c>.</summary>
    public string? Mode { get; }

    public string Text(string name) =>
        _values.TryGetValue(name, out var value) && value is not null ? value : throw new ArgumentException($"--{name} is required.");

    public int Number(string name, int fallback) =>
        _values.TryGetValue(name, out var value) && value is not null ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => _values.ContainsKey(name);
}
