using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportBot.Storage;
using SupportBot.Storage.LiteDb;

namespace SupportBot.Tests.Storage.LiteDb;

public sealed class LiteDbServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDbFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public void AddLiteDbStorage_ResolvesBothStoresAsSingletonsOnOneContext()
    {
        using var provider = Build(_file.Path);

        Assert.IsType<LiteDbStorage>(provider.GetRequiredService<IStorage>());
        Assert.IsType<LiteDbTranscriptStore>(provider.GetRequiredService<ITranscriptStore>());
        Assert.Same(provider.GetRequiredService<IStorage>(), provider.GetRequiredService<IStorage>());
        Assert.Equal(Path.GetFullPath(_file.Path), provider.GetRequiredService<LiteDbContext>().FilePath);
    }

    [Fact]
    public void AddLiteDbStorage_WithoutConfiguration_DefaultsToDataFolder()
    {
        var services = new ServiceCollection().AddLiteDbStorage(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        Assert.Equal("./data/supportbot.db", provider.GetRequiredService<IOptions<LiteDbOptions>>().Value.Path);
    }

    [Fact]
    public void AddLiteDbStorage_WithEmptyPath_FailsStartupValidation()
    {
        using var provider = Build(" ");

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Storage:Path", e.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(string path)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = path })
            .Build();
        return new ServiceCollection().AddLiteDbStorage(configuration).BuildServiceProvider();
    }
}
