using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CoachBot.Content.Model;

/// <summary>
/// The bot's own sentences in one language (content/&lt;lang&gt;/strings.yaml), with <c>{name}</c> placeholders and
/// plural choices (see <c>StringTable.Plural.cs</c>).
/// </summary>
public sealed partial class StringTable
{
    private readonly IReadOnlyDictionary<string, string> _entries;

    public StringTable(IReadOnlyDictionary<string, string> entries) => _entries = entries;

    /// <summary>Every key in the table.</summary>
    public IEnumerable<string> Keys => _entries.Keys;

    /// <summary>True when the key exists.</summary>
    public bool Contains(string key) => _entries.ContainsKey(key);

    /// <summary>The raw template of a key.</summary>
    public string Template(string key) =>
        _entries.TryGetValue(key, out var text)
            ? text
            : throw new KeyNotFoundException($"strings.yaml has no key '{key}'.");

    /// <summary>
    /// Formats a key, replacing <c>{name}</c> with the named argument. Unknown placeholders stay as they are so a
    /// missing argument is visible in tests rather than silently dropped.
    /// </summary>
    public string Format(string key, params (string Name, object? Value)[] args)
    {
        var template = Template(key);
        if (args.Length == 0)
        {
            return template;
        }

        template = ExpandPlurals(template, args);
        return Placeholder().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            foreach (var (argName, value) in args)
            {
                if (argName == name)
                {
                    return Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                }
            }

            return m.Value;
        });
    }

    /// <summary>The placeholder names a template uses, sorted.</summary>
    public static IReadOnlyList<string> PlaceholdersOf(string template)
    {
        var (outside, counted, branches) = SplitPlurals(template);
        var names = new SortedSet<string>(counted, StringComparer.Ordinal);
        foreach (var text in branches.Prepend(outside))
        {
            foreach (Match m in Placeholder().Matches(text))
            {
                names.Add(m.Groups[1].Value);
            }
        }

        return [.. names];
    }

    /// <summary>Joins lines into one text block, skipping empty ones.</summary>
    public static string Lines(params string?[] lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            if (string.IsNullOrEmpty(line))
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(line);
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"\{([a-z_][a-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
