using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using LiteDB;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Storage.LiteDb;
using SupportBot.Tests.Channels.BotFramework.Authentication;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Transcripts;

/// <summary>
/// A card number and a social security number typed by an agent must not reach the database file or
/// the logs in full, whatever part of SupportBot keeps the text (transcript, state, outcome, escalation).
/// </summary>
public sealed class SensitiveDataAtRestTests : IDisposable
{
    private const string CardSpaced = "4111 1111 1111 1111";
    private const string CardDigits = "4111111111111111";
    private const string Ssn = "123-45-6789";

    private static readonly string[] Raw = [CardDigits, CardSpaced, "4111-1111-1111-1111", Ssn, "123 45 6789", "123456789"];

    private readonly SupportBotFactory _factory = new();
    private readonly CapturingLoggerProvider _logs = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("no", "Ticket note")]
    [InlineData("yes", "escalat")]
    public async Task CardAndSsnTypedDuringAPlaybook_AreAbsentFromTheDatabaseFileAndItsDocuments(string safetyConcern, string outcome)
    {
        await RunBatteryBeltConversationAsync(_factory.CreateClient(), safetyConcern, outcome);

        _factory.Services.GetRequiredService<LiteDbContext>().Checkpoint();
        var path = _factory.DatabasePath;
        var inFile = Raw.Where(raw => FileContains(path, raw)).ToList();
        var copy = Path.Combine(Path.GetTempPath(), "supportbot-test-copy-" + Guid.NewGuid().ToString("N") + ".db");
        File.Copy(path, copy);
        try
        {
            var stored = StringsInDocuments(copy);
            var found = stored.Where(s => Raw.Any(r => s.Text.Contains(r, StringComparison.Ordinal))).Select(s => s.Collection + ": " + s.Text).ToList();
            Assert.True(found.Count == 0, "Stored in full: " + string.Join(" | ", found));
            Assert.Contains(stored, s => s.Collection == "transcript" && s.Text.Contains("[card ending 1111]", StringComparison.Ordinal));
            Assert.Equal(safetyConcern == "yes", stored.Any(s => s.Collection == "escalations"));
        }
        finally
        {
            File.Delete(copy);
        }

        Assert.Empty(inFile);
    }

    [Fact]
    public async Task CardAndSsnTypedDuringAPlaybook_NeverAppearInALogMessage()
    {
        var factory = _factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs)));

        await RunBatteryBeltConversationAsync(factory.CreateClient(), "yes", "escalat");

        Assert.NotEmpty(_logs.Entries);
        var leaked = _logs.Entries.Where(e => Raw.Any(r => e.Text.Contains(r, StringComparison.Ordinal))).Select(e => e.Category + ": " + e.Text).ToList();
        Assert.True(leaked.Count == 0, string.Join(Environment.NewLine, leaked));
    }

    /// <summary>The battery belt playbook to its outcome (an urgent escalation when there was a safety concern).</summary>
    private static async Task RunBatteryBeltConversationAsync(HttpClient client, string safetyConcern, string expectedOutcome)
    {
        async Task<string> Send(string text)
        {
            var response = await client.PostAsJsonAsync("/api/chat", new { conversationId = "pci-test", text });
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsStringAsync();
        }

        await Send($"cust says battery belt melted, card {CardSpaced}");
        await Send("cx is emailing the pics and receipt");
        await Send(safetyConcern);
        await Send("xpro");
        await Send("account holder");
        var outcome = await Send($"paid with card {CardDigits}, ssn {Ssn}");
        Assert.Contains(expectedOutcome, outcome, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("[card ending 1111]", outcome, StringComparison.Ordinal);
        await Send("1");
    }

    private static bool FileContains(string path, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        foreach (var file in new[] { path, Path.ChangeExtension(path, null) + "-log.db" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (copy.ToArray().AsSpan().IndexOf(needle) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every string stored in any document, with compressed binary values expanded.</summary>
    private static List<(string Collection, string Text)> StringsInDocuments(string path)
    {
        using var database = new LiteDatabase(new ConnectionString { Filename = path, ReadOnly = true });
        var strings = new List<(string, string)>();
        foreach (var name in database.GetCollectionNames())
        {
            var texts = new List<string>();
            foreach (var document in database.GetCollection(name).FindAll())
            {
                Collect(document, texts);
            }

            strings.AddRange(texts.Select(t => (name, t)));
        }

        return strings;
    }

    private static void Collect(BsonValue value, List<string> strings)
    {
        if (value.IsDocument)
        {
            foreach (var child in value.AsDocument.Values)
            {
                Collect(child, strings);
            }
        }
        else if (value.IsArray)
        {
            foreach (var child in value.AsArray)
            {
                Collect(child, strings);
            }
        }
        else if (value.IsString)
        {
            strings.Add(value.AsString);
        }
        else if (value.IsBinary)
        {
            strings.Add(Decompress(value.AsBinary));
        }
    }

    private static string Decompress(byte[] bytes)
    {
        using var input = new MemoryStream(bytes);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
