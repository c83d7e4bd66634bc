using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SupportBot.Knowledge;

/// <summary>One disposition code: its category, name and when to use it (from <c>seeds/dispositions.yaml</c>).</summary>
public sealed record Disposition(string Category, string Name, string UseWhen)
{
    public string Display => $"{Category} > {Name}";
}

/// <summary>The deployment's full disposition catalogue.</summary>
public sealed class DispositionCatalog(IReadOnlyList<Disposition> dispositions)
{
    public static DispositionCatalog Empty { get; } = new([]);

    public IReadOnlyList<Disposition> All { get; } = dispositions;

    public Disposition? Find(string category, string name) =>
        All.FirstOrDefault(d => string.Equals(d.Category, category, StringComparison.OrdinalIgnoreCase)
            && string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    public static DispositionCatalog Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"Disposition file '{full}' does not exist (setting Knowledge:DispositionsPath).", full);
        }

        try
        {
            var file = new DeserializerBuilder()
                .WithNamingConvention(UnderscoredNamingConvention.Instance)
                .IgnoreUnmatchedProperties()
                .Build()
                .Deserialize<DispositionFile>(File.ReadAllText(full));
            var list = (file?.Dispositions ?? []).Select((d, i) =>
                string.IsNullOrWhiteSpace(d.Category) || string.IsNullOrWhiteSpace(d.Name)
                    ? throw new InvalidDataException($"{full}: disposition {i + 1} needs a category and a name.")
                    : new Disposition(d.Category.Trim(), d.Name.Trim(), d.UseWhen?.Trim() ?? "")).ToList();
            return new DispositionCatalog(list);
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{full}:{ex.Start.Line}:{ex.Start.Column}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
    }

    /// <summary>The catalogue as knowledge entries, so "which disposition for a card update" finds an answer.</summary>
    public IEnumerable<KnowledgeEntry> AsKnowledge() => All.Select((d, i) => new KnowledgeEntry(
        $"disposition-{i + 1:000}",
        $"Which disposition when: {d.UseWhen}",
        $"Use **{d.Display}**: {d.UseWhen}",
        ["disposition", "dispo", "code", d.Category, d.Name],
        "001",
        null));

    private sealed class DispositionFile
    {
        public List<RawDisposition>? Dispositions { get; set; }
    }

    private sealed class RawDisposition
    {
        public string Category { get; set; } = "";

        public string Name { get; set; } = "";

        public string? UseWhen { get; set; }
    }
}
