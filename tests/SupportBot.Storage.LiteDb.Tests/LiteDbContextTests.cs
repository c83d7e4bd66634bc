using System.Text.Json.Nodes;
using SupportBot.Storage;
using SupportBot.Storage.LiteDb;

namespace SupportBot.Tests.Storage.LiteDb;

public sealed class LiteDbContextTests : IDisposable
{
    private readonly TempDbFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public void Open_WhenDirectoryIsMissing_CreatesItAndTheDatabase()
    {
        using var context = _file.Open();

        Assert.True(File.Exists(_file.Path));
        Assert.Equal(Path.GetFullPath(_file.Path), context.FilePath);
        Assert.True(context.Check());
    }

    [Fact]
    public async Task Data_SurvivesClosingAndReopeningTheFile()
    {
        var entry = new TranscriptEntry("conv", DateTimeOffset.UtcNow, TranscriptDirection.Inbound, TestActivities.Message("conv", "hello"));
        string etag;
        using (var context = _file.Open())
        {
            var etags = await new LiteDbStorage(context).WriteAsync(
                new Dictionary<string, StoreItem> { ["k"] = new(new JsonObject { ["v"] = "kept" }) }, default);
            etag = etags["k"];
            await new LiteDbTranscriptStore(context).AppendAsync([entry], default);
        }

        using (var reopened = _file.Open())
        {
            var read = await new LiteDbStorage(reopened).ReadAsync(["k"], default);
            Assert.Equal("kept", (string?)read["k"].Document["v"]);
            Assert.Equal(etag, read["k"].ETag);
            var transcript = await new LiteDbTranscriptStore(reopened).GetAsync("conv", default);
            Assert.Equal("hello", Assert.Single(transcript).Activity.Text);
        }
    }

    [Theory]
    [InlineData(100)] // shorter than a page: LiteDB alone would overwrite it with a new database
    [InlineData(8192)] // one page of garbage: LiteDB alone throws LiteException or ArgumentOutOfRangeException
    [InlineData(100_000)] // not a whole number of pages: LiteDB alone would truncate it
    [InlineData(1 << 20)]
    public void Open_OfCorruptFile_ThrowsUnavailableNamingThePathAndLeavesBytesUnchanged(int size)
    {
        Directory.CreateDirectory(_file.Directory);
        var garbage = new byte[size];
        new Random(size).NextBytes(garbage);
        File.WriteAllBytes(_file.Path, garbage);

        var e = Assert.Throws<StorageUnavailableException>(() => _file.Open());

        Assert.Contains(Path.GetFullPath(_file.Path), e.Message, StringComparison.Ordinal);
        Assert.Contains("is not a valid LiteDB database or is damaged", e.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", e.Message, StringComparison.Ordinal);
        Assert.Equal(garbage, File.ReadAllBytes(_file.Path));
    }

    [Fact]
    public async Task Open_OfFileWithLiteDbHeaderButGarbageBody_ThrowsUnavailableAndLeavesBytesUnchanged()
    {
        using (var context = _file.Open())
        {
            await new LiteDbStorage(context).WriteAsync(
                new Dictionary<string, StoreItem> { ["k"] = new(new JsonObject { ["v"] = "x" }) }, default);
            context.Checkpoint();
        }

        // Keep the genuine header page, then fill the rest with noise.
        var bytes = File.ReadAllBytes(_file.Path);
        var noise = new byte[bytes.Length - 8192];
        new Random(7).NextBytes(noise);
        noise.CopyTo(bytes, 8192);
        File.WriteAllBytes(_file.Path, bytes);

        var e = Assert.Throws<StorageUnavailableException>(() => _file.Open());

        Assert.Contains(Path.GetFullPath(_file.Path), e.Message, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(_file.Path));
    }

    [Fact]
    public void Open_OfEmptyFile_InitialisesADatabase()
    {
        Directory.CreateDirectory(_file.Directory);
        File.WriteAllBytes(_file.Path, []);

        using var context = _file.Open();

        Assert.True(context.Check());
    }

    [Fact]
    public void Open_WhileAnotherContextHoldsTheFile_ThrowsUnavailableNamingThePath()
    {
        using var first = _file.Open();

        var e = Assert.Throws<StorageUnavailableException>(() => _file.Open());

        Assert.Contains(Path.GetFullPath(_file.Path), e.Message, StringComparison.Ordinal);
        Assert.Contains("locked", e.Message, StringComparison.Ordinal);
        Assert.True(first.Check());
    }

    [Fact]
    public void Open_WhileAnotherProcessHoldsTheLock_ThrowsUnavailableSayingSo()
    {
        Directory.CreateDirectory(_file.Directory);

        // An exclusive open of the lock file from a separate file handle is exactly what another process holds.
        using (new FileStream(_file.Path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var e = Assert.Throws<StorageUnavailableException>(() => _file.Open());

            Assert.Contains(Path.GetFullPath(_file.Path), e.Message, StringComparison.Ordinal);
            Assert.Contains("another process", e.Message, StringComparison.Ordinal);
        }

        using var context = _file.Open();
        Assert.True(context.Check());
    }

    [Fact]
    public void Open_AfterPreviousContextWasDisposed_Succeeds()
    {
        _file.Open().Dispose();

        using var again = _file.Open();

        Assert.True(again.Check());
    }

    [Fact]
    public void Check_AfterDispose_ReturnsFalseInsteadOfThrowing()
    {
        var context = _file.Open();
        context.Dispose();

        Assert.False(context.Check());
    }
}
