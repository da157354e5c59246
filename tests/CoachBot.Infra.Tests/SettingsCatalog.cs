using System.Collections;
using System.Reflection;

namespace CoachBot.Infra.Tests;

/// <summary>
/// Every configuration section the host binds, found by reflection: each CoachBot type with a
/// <c>public const string SectionName</c> is an options class bound to that section (several may share one, e.g.
/// <c>Slack</c>). Answers whether an environment variable such as <c>Slack__SocketMode__MinReconnectDelay</c> names a
/// property the configuration binder would set, so a renamed or removed option fails the infrastructure tests.
/// </summary>
internal sealed class SettingsCatalog
{
    private readonly IReadOnlyList<(string[] Section, Type Options)> _sections;

    private SettingsCatalog(IReadOnlyList<(string[] Section, Type Options)> sections) => _sections = sections;

    public IEnumerable<(string Section, Type Options)> Sections => _sections.Select(s => (string.Join(':', s.Section), s.Options));

    /// <summary>The options types of the host and of every CoachBot assembly it references.</summary>
    public static SettingsCatalog FromHost()
    {
        var assemblies = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(CoachBot.Host.Charts.ChartsOptions).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (!assemblies.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("CoachBot.", StringComparison.Ordinal)))
            {
                pending.Push(Assembly.Load(reference));
            }
        }

        var sections = new List<(string[], Type)>();
        foreach (var type in assemblies.Values.SelectMany(a => a.GetTypes()).Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            var field = type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static);
            if (field is { IsLiteral: true } && field.GetRawConstantValue() is string name)
            {
                sections.Add((name.Split(':'), type));
            }
        }

        // Bound to another class's section, so it has no SectionName of its own (SlackInstallServiceCollectionExtensions).
        sections.Add((CoachBot.Slack.SlackOptions.SectionName.Split(':'), typeof(CoachBot.Slack.Install.SlackInstallOptions)));
        return new SettingsCatalog(sections);
    }

    /// <summary>
    /// Why the variable names no bindable setting, or null when it names one. <c>__</c> separates the levels,
    /// exactly as the environment configuration provider reads it.
    /// </summary>
    public string? Explain(string environmentVariable)
    {
        var path = environmentVariable.Split("__");
        if (path.Length < 2 || path.Any(string.IsNullOrEmpty))
        {
            return $"{environmentVariable} is not of the form Section__Key";
        }

        var candidates = _sections
            .Where(s => s.Section.Length < path.Length && s.Section.Zip(path).All(p => string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (candidates.Count == 0)
        {
            return $"{environmentVariable}: no options class is bound to section {path[0]} (known: {string.Join(", ", Sections.Select(s => s.Section).Distinct())})";
        }

        var reasons = new List<string>();
        foreach (var (section, options) in candidates)
        {
            var reason = Resolve(options, path.Skip(section.Length).ToArray());
            if (reason is null)
            {
                return null;
            }

            reasons.Add($"{options.Name}: {reason}");
        }

        return $"{environmentVariable} names no setting ({string.Join("; ", reasons)})";
    }

    private static string? Resolve(Type type, string[] rest)
    {
        var current = type;
        for (var i = 0; i < rest.Length; i++)
        {
            var segment = rest[i];
            var last = i == rest.Length - 1;

            if (DictionaryValueType(current) is { } valueType)
            {
                // Any key is a new entry (Scheduler__ChannelConcurrency__slack).
                current = valueType;
                if (last)
                {
                    return IsScalar(current) ? null : $"{segment} is an entry of a dictionary of {current.Name}, which needs a key below it";
                }

                continue;
            }

            if (ElementType(current) is { } elementType)
            {
                if (!int.TryParse(segment, out var index) || index < 0)
                {
                    return $"{segment} is not an index of a list of {elementType.Name}";
                }

                current = elementType;
                if (last)
                {
                    return IsScalar(current) ? null : $"element {segment} is a {current.Name}, which needs a key below it";
                }

                continue;
            }

            if (IsScalar(current))
            {
                return $"{segment} goes below a {current.Name} value, which has no members";
            }

            var property = current.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || property.GetMethod is not { IsPublic: true })
            {
                return $"{current.Name} has no public property {segment}";
            }

            var settable = property.SetMethod is { IsPublic: true };
            var type2 = property.PropertyType;
            if (last)
            {
                if (!IsScalar(type2))
                {
                    return $"{current.Name}.{property.Name} is a {type2.Name}, not a single value";
                }

                return settable ? null : $"{current.Name}.{property.Name} is read-only (computed), so no setting can change it";
            }

            // The binder fills a get-only collection or object in place, so only the leaf needs a setter.
            current = type2;
        }

        return "nothing below the section";
    }

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan)
            || t == typeof(DateTimeOffset) || t == typeof(DateTime) || t == typeof(Uri) || t == typeof(Guid) || t == typeof(TimeOnly)
            || t == typeof(DateOnly);
    }

    private static Type? DictionaryValueType(Type type)
    {
        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() is var d
            && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>) || d == typeof(Dictionary<,>))
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        return dictionary?.GetGenericArguments()[0] == typeof(string) ? dictionary.GetGenericArguments()[1] : null;
    }

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!typeof(IEnumerable).IsAssignableFrom(type) && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)))
        {
            return null;
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }
}
