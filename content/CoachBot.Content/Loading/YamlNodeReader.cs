using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CoachBot.Content.Loading;

/// <summary>
/// Reads one YAML mapping with line-accurate problems: every missing, empty, mistyped or unknown field becomes a
/// <see cref="ContentProblem"/> instead of an exception, so one run reports everything that is wrong.
/// </summary>
internal sealed partial class YamlNodeReader
{
    private readonly YamlMappingNode _node;
    private readonly string _file;
    private readonly string _where;
    private readonly List<ContentProblem> _problems;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlNodeReader(YamlMappingNode node, string file, string where, List<ContentProblem> problems)
    {
        _node = node;
        _file = file;
        _where = where;
        _problems = problems;
    }

    public long Line => _node.Start.Line;

    public string Where => _where;

    public void Problem(string reason) => _problems.Add(new ContentProblem(_file, Line, $"{_where}: {reason}"));

    public string Text(string key)
    {
        var node = Get(key);
        if (node is null)
        {
            Problem($"missing required field '{key}'");
            return string.Empty;
        }

        if (node is not YamlScalarNode scalar || string.IsNullOrWhiteSpace(scalar.Value))
        {
            _problems.Add(new ContentProblem(_file, node.Start.Line, $"{_where}: field '{key}' must be non-empty text"));
            return string.Empty;
        }

        return scalar.Value.Trim();
    }

    /// <summary>The item's <c>id</c>: lowercase ASCII, the same in every language.</summary>
    public string Id()
    {
        var id = Text("id");
        if (id.Length > 0 && !IdPattern().IsMatch(id))
        {
            Problem($"id '{id}' must be lowercase letters, digits, '.', '_' or '-' (ids are shared by every language)");
        }

        return id;
    }

    public string? OptionalText(string key) => Get(key) is null ? null : Text(key);

    /// <summary>An optional <c>true</c>/<c>false</c> field; false when absent.</summary>
    public bool OptionalFlag(string key)
    {
        var text = OptionalText(key);
        switch (text)
        {
            case null or "false":
                return false;
            case "true":
                return true;
            default:
                Problem($"field '{key}' must be true or false, not '{text}'");
                return false;
        }
    }

    public int Int(string key, int min, int max)
    {
        var text = Text(key);
        if (text.Length == 0)
        {
            return min;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Problem($"field '{key}' must be a whole number from {min} to {max}, not '{text}'");
            return min;
        }

        return value;
    }

    public IReadOnlyList<string> TextList(string key, int minCount)
    {
        var node = Get(key);
        if (node is null)
        {
            if (minCount > 0)
            {
                Problem($"missing required list '{key}'");
            }

            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            _problems.Add(new ContentProblem(_file, node.Start.Line, $"{_where}: field '{key}' must be a list"));
            return [];
        }

        var values = new List<string>();
        foreach (var child in sequence.Children)
        {
            if (child is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v))
            {
                values.Add(v.Trim());
            }
            else
            {
                _problems.Add(new ContentProblem(_file, child.Start.Line, $"{_where}: every entry of '{key}' must be non-empty text"));
            }
        }

        if (values.Count < minCount)
        {
            _problems.Add(new ContentProblem(_file, node.Start.Line, $"{_where}: '{key}' needs at least {minCount} entries, has {values.Count}"));
        }

        return values;
    }

    /// <summary>A required nested mapping, or null (with a problem) when it is missing or not a mapping.</summary>
    public YamlNodeReader? Mapping(string key)
    {
        var node = Get(key);
        if (node is YamlMappingNode mapping)
        {
            return new YamlNodeReader(mapping, _file, Prefix(key), _problems);
        }

        if (node is null)
        {
            Problem($"missing required field '{key}'");
        }
        else
        {
            _problems.Add(new ContentProblem(_file, node.Start.Line, $"{_where}: field '{key}' must be a mapping"));
        }

        return null;
    }

    /// <summary>A list of mappings; each becomes a reader named after its id when it has one.</summary>
    public IReadOnlyList<YamlNodeReader> Items(string key, int minCount)
    {
        var node = Get(key);
        if (node is null)
        {
            Problem($"missing required list '{key}'");
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            _problems.Add(new ContentProblem(_file, node.Start.Line, $"{_where}: field '{key}' must be a list"));
            return [];
        }

        var items = new List<YamlNodeReader>();
        var index = 0;
        foreach (var child in sequence.Children)
        {
            var name = $"{key}[{index}]";
            if (child is YamlMappingNode mapping)
            {
                if (mapping.Children.TryGetValue(new YamlScalarNode("id"), out var idNode) && idNode is YamlScalarNode { Value: { } id })
                {
                    name = $"{key}[{index}] '{id}'";
                }

                items.Add(new YamlNodeReader(mapping, _file, Prefix(name), _problems));
            }
            else
            {
                _problems.Add(new ContentProblem(_file, child.Start.Line, $"{Prefix(name)}: must be a mapping with fields"));
            }

            index++;
        }

        if (items.Count < minCount)
        {
            _problems.Add(new ContentProblem(_file, node.Start.Line, $"{_where}: '{key}' needs at least {minCount} entries, has {items.Count}"));
        }

        return items;
    }

    /// <summary>A mapping of scalar keys to non-empty text (used for rubrics and string tables).</summary>
    public IReadOnlyList<(string Key, string Value, long Line)> TextMap(string? key)
    {
        var node = key is null ? _node : Get(key);
        if (node is null)
        {
            Problem($"missing required field '{key}'");
            return [];
        }

        if (node is not YamlMappingNode mapping)
        {
            _problems.Add(new ContentProblem(_file, node.Start.Line, $"{_where}: field '{key}' must be a mapping"));
            return [];
        }

        var entries = new List<(string, string, long)>();
        foreach (var (k, v) in mapping.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? string.Empty;
            if (v is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
            {
                entries.Add((name, text.Trim(), k.Start.Line));
            }
            else
            {
                _problems.Add(new ContentProblem(_file, k.Start.Line, $"{Prefix(name)}: must be non-empty text"));
            }
        }

        if (key is null)
        {
            _read.UnionWith(entries.Select(e => e.Item1));
        }

        return entries;
    }

    /// <summary>Reports every key that was never read: an unknown key is almost always a typo of a known one.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (k, _) in _node.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? string.Empty;
            if (!_read.Contains(name))
            {
                _problems.Add(new ContentProblem(_file, k.Start.Line, $"{_where}: unknown field '{name}' (see docs/content-schema.md)"));
            }
        }
    }

    private YamlNode? Get(string key)
    {
        _read.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    private string Prefix(string name) => _where.Length == 0 ? name : $"{_where} > {name}";

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex IdPattern();
}
