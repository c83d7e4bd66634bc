namespace SupportBot.Playbooks;

/// <summary>All playbooks of a deployment, loaded from the <c>dialogs/</c> folder and validated together.</summary>
public sealed class PlaybookCatalog
{
    private readonly Dictionary<string, PlaybookDefinition> _byId;

    public PlaybookCatalog(IEnumerable<PlaybookDefinition> playbooks)
    {
        Playbooks = playbooks.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        _byId = Playbooks.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<PlaybookDefinition> Playbooks { get; }

    public PlaybookDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Loads every playbook in the folder, or throws listing every error in every file.</summary>
    public static PlaybookCatalog Load(string folder)
    {
        var (playbooks, errors) = Validate(folder);
        if (errors.Count > 0)
        {
            throw new PlaybookValidationException(errors);
        }

        return new PlaybookCatalog(playbooks);
    }

    /// <summary>Checks every <c>*.yaml</c>/<c>*.yml</c> file in the folder without throwing.</summary>
    public static (IReadOnlyList<PlaybookDefinition> Playbooks, IReadOnlyList<PlaybookError> Errors) Validate(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            return ([], [new PlaybookError(full, 0, 0, "the playbooks folder does not exist (setting Dialogs:Path)")]);
        }

        var files = Directory.EnumerateFiles(full)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            return ([], [new PlaybookError(full, 0, 0, "the playbooks folder has no .yaml files (setting Dialogs:Path)")]);
        }

        var playbooks = new List<PlaybookDefinition>();
        var errors = new List<PlaybookError>();
        foreach (var file in files)
        {
            var display = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
            var (playbook, fileErrors) = new PlaybookParser().Parse(display, File.ReadAllText(file));
            errors.AddRange(fileErrors);
            if (playbook is not null)
            {
                playbooks.Add(playbook);
            }
        }

        return (playbooks, errors);
    }
}
