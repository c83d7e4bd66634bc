using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SupportBot.Tests.Infrastructure;

/// <summary>The real host in memory, on its own database file and the repository's playbooks and seeds.</summary>
public sealed class SupportBotFactory : WebApplicationFactory<SupportBot.Host.Program>
{
    private readonly TempDatabase _database = new();
    private readonly Dictionary<string, string?> _settings = [];

    public string DatabasePath => _database.Path;

    public SupportBotFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Path", _database.Path);
        builder.UseSetting("Dialogs:Path", RepositoryPaths.Dialogs);
        builder.UseSetting("Knowledge:Path", RepositoryPaths.Knowledge);
        builder.UseSetting("Knowledge:DispositionsPath", RepositoryPaths.Dispositions);

        // Tests seed cases on fixed dates long past; the purge job must not race them away.
        // Tests of retention set their own.
        builder.UseSetting("Training:TranscriptRetention", "00:00:00");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }
}
