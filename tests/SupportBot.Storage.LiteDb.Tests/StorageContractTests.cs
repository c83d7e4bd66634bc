using System.Text.Json.Nodes;
using SupportBot.Storage;

namespace SupportBot.Tests.Storage.LiteDb;

/// <summary>The <see cref="IStorage"/> contract; every implementation runs the same suite.</summary>
public abstract class StorageContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IStorage CreateStorage();

    [Fact]
    public async Task Write_WithNullETag_CreatesItemAndIssuesETag()
    {
        var storage = CreateStorage();

        var etags = await storage.WriteAsync(Changes(("a", Doc(1), null)), None);

        var read = await storage.ReadAsync(["a"], None);
        Assert.Equal(1, (int)read["a"].Document["n"]!);
        Assert.False(string.IsNullOrEmpty(etags["a"]));
        Assert.Equal(etags["a"], read["a"].ETag);
    }

    [Fact]
    public async Task Write_WithNullETag_WhenItemExists_ThrowsConflictAndKeepsStoredValue()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(Changes(("a", Doc(1), null)), None);

        var e = await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync(Changes(("a", Doc(2), null)), None));

        Assert.Equal("a", e.Key);
        Assert.Equal(1, await ReadN(storage, "a"));
    }

    [Fact]
    public async Task Write_WithWildcardETag_OverwritesExistingAndCreatesMissing()
    {
        var storage = CreateStorage();
        var first = await storage.WriteAsync(Changes(("a", Doc(1), null)), None);

        var second = await storage.WriteAsync(Changes(("a", Doc(2), StoreItem.AnyETag), ("b", Doc(3), StoreItem.AnyETag)), None);

        Assert.Equal(2, await ReadN(storage, "a"));
        Assert.Equal(3, await ReadN(storage, "b"));
        Assert.NotEqual(first["a"], second["a"]);
    }

    [Fact]
    public async Task Write_WithMatchingETag_SucceedsAndIssuesNewETag()
    {
        var storage = CreateStorage();
        var first = await storage.WriteAsync(Changes(("a", Doc(1), null)), None);

        var second = await storage.WriteAsync(Changes(("a", Doc(2), first["a"])), None);

        Assert.NotEqual(first["a"], second["a"]);
        var read = await storage.ReadAsync(["a"], None);
        Assert.Equal(second["a"], read["a"].ETag);
        Assert.Equal(2, (int)read["a"].Document["n"]!);
    }

    [Fact]
    public async Task Write_WithStaleETag_ThrowsConflictAndKeepsStoredValue()
    {
        var storage = CreateStorage();
        var first = await storage.WriteAsync(Changes(("a", Doc(1), null)), None);
        var second = await storage.WriteAsync(Changes(("a", Doc(2), first["a"])), None);

        await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync(Changes(("a", Doc(3), first["a"])), None));

        var read = await storage.ReadAsync(["a"], None);
        Assert.Equal(2, (int)read["a"].Document["n"]!);
        Assert.Equal(second["a"], read["a"].ETag);
    }

    [Fact]
    public async Task Write_WithETagForMissingItem_ThrowsConflictAndCreatesNothing()
    {
        var storage = CreateStorage();

        await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync(Changes(("a", Doc(1), "no-such-etag")), None));

        Assert.Empty(await storage.ReadAsync(["a"], None));
    }

    [Fact]
    public async Task Write_BatchWithOneConflict_WritesNothing()
    {
        var storage = CreateStorage();
        var etags = await storage.WriteAsync(Changes(("a", Doc(1), null), ("b", Doc(1), null)), None);

        await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync(
            Changes(("a", Doc(2), etags["a"]), ("new", Doc(2), null), ("b", Doc(2), "stale")), None));

        var read = await storage.ReadAsync(["a", "b", "new"], None);
        Assert.Equal(2, read.Count);
        Assert.Equal(1, (int)read["a"].Document["n"]!);
        Assert.Equal(etags["a"], read["a"].ETag);
        Assert.Equal(1, (int)read["b"].Document["n"]!);
    }

    [Fact]
    public async Task Read_OfMissingKeys_ReturnsOnlyExistingItems()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(Changes(("a", Doc(1), null)), None);

        var read = await storage.ReadAsync(["missing", "a", "also-missing"], None);

        Assert.Equal(["a"], read.Keys);
        Assert.Empty(await storage.ReadAsync([], None));
    }

    [Fact]
    public async Task Delete_RemovesItemsAndIgnoresMissingKeys()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(Changes(("a", Doc(1), null), ("b", Doc(2), null)), None);

        await storage.DeleteAsync(["a", "missing"], None);

        var read = await storage.ReadAsync(["a", "b"], None);
        Assert.Equal(["b"], read.Keys);
        await storage.WriteAsync(Changes(("a", Doc(3), null)), None);
        Assert.Equal(3, await ReadN(storage, "a"));
    }

    [Fact]
    public async Task Write_ReturnedDocument_IsACopyNotTheStoredValue()
    {
        var storage = CreateStorage();
        await storage.WriteAsync(Changes(("a", Doc(1), null)), None);

        var read = await storage.ReadAsync(["a"], None);
        read["a"].Document["n"] = 99;

        Assert.Equal(1, await ReadN(storage, "a"));
    }

    [Fact]
    public async Task Json_WithNestedObjectsEmptyStringsAndWhitespace_RoundTripsExactly()
    {
        var storage = CreateStorage();
        var original = JsonNode.Parse("""
            {
              "empty": "",
              "spaces": "  padded  ",
              "newline": "line1\nline2\t",
              "unicode": "Grüße ✓ 日本",
              "nested": { "list": [1, 2.5, -3, null, true, "", { "deep": { "x": "  " } }], "obj": {} },
              "bigNumber": 12345678901234567890,
              "decimal": 0.1,
              "date": "2024-01-02T03:04:05.678+02:00",
              "nullValue": null
            }
            """)!.AsObject();

        await storage.WriteAsync(Changes(("k", original.DeepClone().AsObject(), null)), None);

        var read = (await storage.ReadAsync(["k"], None))["k"].Document;
        Assert.True(JsonNode.DeepEquals(original, read), read.ToJsonString());
        Assert.Equal(original.ToJsonString(), read.ToJsonString());
    }

    private static JsonObject Doc(int n) => new() { ["n"] = n };

    private static Dictionary<string, StoreItem> Changes(params (string Key, JsonObject Doc, string? ETag)[] items) =>
        items.ToDictionary(i => i.Key, i => new StoreItem(i.Doc, i.ETag));

    private static async Task<int> ReadN(IStorage storage, string key) =>
        (int)(await storage.ReadAsync([key], None))[key].Document["n"]!;
}
