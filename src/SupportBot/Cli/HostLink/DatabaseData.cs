using SupportBot.Host.Endpoints;
using SupportBot.Ordering;
using SupportBot.State;
using SupportBot.Storage.LiteDb;
using SupportBot.Transcripts;
using SupportBot.Transcripts.Files;

namespace SupportBot.Host.Cli.HostLink;

/// <summary>The database file opened by this command itself (no host is running on it).</summary>
internal sealed class DatabaseData : ISupportBotData
{
    private readonly LiteDbContext _context;
    private readonly LiteDbTranscriptStore _transcripts;
    private readonly TranscriptImporter _importer;
    private readonly ConversationEraser _eraser;

    public DatabaseData(LiteDbContext context)
    {
        _context = context;
        _transcripts = new LiteDbTranscriptStore(context);
        _importer = new TranscriptImporter(_transcripts, new SensitiveDataRedactor());
        _eraser = new ConversationEraser(new LiteDbStorage(context), _transcripts, new InProcessConversationGate());
    }

    public string Route => $"the database file '{_context.FilePath}', opened directly (no host holds it)";

    public async Task<IReadOnlyList<TranscriptSummaryView>> ListAsync(TranscriptQuery query, CancellationToken cancellationToken) =>
        (await _transcripts.FindCasesAsync(query, cancellationToken)).Select(TranscriptSummaryView.From).ToList();

    public async Task<string> ExportAsync(long caseId, TranscriptFormat format, CancellationToken cancellationToken)
    {
        var transcriptCase = await _transcripts.GetCaseAsync(caseId, cancellationToken) ?? throw NoCase(caseId);
        var entries = await _transcripts.GetCaseEntriesAsync(caseId, cancellationToken);
        return TranscriptExport.Render(format, transcriptCase, entries);
    }

    public async Task<long> ImportAsync(string json, string source, CancellationToken cancellationToken)
    {
        try
        {
            return (await _importer.ImportAsync(json, source, cancellationToken)).Id;
        }
        catch (TranscriptFileException e)
        {
            throw new CliException(e.Message);
        }
    }

    public async Task DeleteCaseAsync(long caseId, CancellationToken cancellationToken)
    {
        if (!await _transcripts.DeleteCaseAsync(caseId, cancellationToken))
        {
            throw NoCase(caseId);
        }
    }

    public async Task DeleteConversationAsync(string conversationKey, CancellationToken cancellationToken)
    {
        if (!await _eraser.EraseAsync(conversationKey, cancellationToken))
        {
            throw new CliException($"There is no conversation '{conversationKey}' in '{_context.FilePath}'.");
        }

        // Move the freed pages into the data file now, so the deleted text is gone from disk when the command ends.
        _context.Checkpoint();
    }

    public Task<DispositionReport> DispositionReportAsync(CancellationToken cancellationToken) =>
        DispositionReport.BuildAsync(_transcripts, null, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _context.Dispose();
        return ValueTask.CompletedTask;
    }

    private CliException NoCase(long caseId) => new($"There is no transcript case #{caseId} in '{_context.FilePath}'.");
}
