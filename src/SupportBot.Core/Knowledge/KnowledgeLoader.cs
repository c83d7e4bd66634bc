using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SupportBot.Knowledge;

/// <summary>Reads <c>seeds/knowledge.yaml</c>; a broken file is reported with its line, never skipped silently.</summary>
public static class KnowledgeLoader
{
    public static IReadOnlyList<KnowledgeEntry> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"Knowledge file '{full}' does not exist (setting Knowledge:Path).", full);
        }

        KnowledgeFile? file;
        try
        {
            file = new DeserializerBuilder()
                .WithNamingConvention(UnderscoredNamingConvention.Instance)
                .IgnoreUnmatchedProperties()
                .Build()
                .Deserialize<KnowledgeFile>(File.ReadAllText(full));
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{full}:{ex.Start.Line}:{ex.Start.Column}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }

        var entries = new List<KnowledgeEntry>();
        foreach (var (raw, index) in (file?.Entries ?? []).Select((e, i) => (e, i)))
        {
            if (string.IsNullOrWhiteSpace(raw.Id) || string.IsNullOrWhiteSpace(raw.Question) || string.IsNullOrWhiteSpace(raw.Answer))
            {
                throw new InvalidDataException($"{full}: entry {index + 1} needs id, question and answer.");
            }

            entries.Add(new KnowledgeEntry(raw.Id, raw.Question.Trim(), raw.Answer.Trim(), raw.Tags ?? [], raw.Source, raw.Playbook));
        }

        return entries;
    }

    private sealed class KnowledgeFile
    {
        public List<RawEntry>? Entries { get; set; }
    }

    private sealed class RawEntry
    {
        public string Id { get; set; } = "";

        public string Question { get; set; } = "";

        public string Answer { get; set; } = "";

        public List<string>? Tags { get; set; }

        public string? Source { get; set; }

        public string? Playbook { get; set; }
    }
}
