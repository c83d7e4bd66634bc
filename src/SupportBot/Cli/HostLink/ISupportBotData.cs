using SupportBot.Host.Endpoints;
using SupportBot.Transcripts;
using SupportBot.Transcripts.Files;

namespace SupportBot.Host.Cli.HostLink;

/// <summary>
/// The recorded data a command works on, either straight from the database file or through the running
/// host that holds it. Failures the user can act on are <see cref="CliException"/>s.
/// </summary>
internal interface ISupportBotData : IAsyncDisposable
{
    /// <summary>Which way the command went, for <c>--verbose</c>.</summary>
    string Route { get; }

    Task<IReadOnlyList<TranscriptSummaryView>> ListAsync(TranscriptQuery query, CancellationToken cancellationToken);

    Task<string> ExportAsync(long caseId, TranscriptFormat format, CancellationToken cancellationToken);

    /// <summary>Stores the file's text as a new case and returns its id.</summary>
    /// <param name="source">Names the file in error messages.</param>
    Task<long> ImportAsync(string json, string source, CancellationToken cancellationToken);

    Task DeleteCaseAsync(long caseId, CancellationToken cancellationToken);

    Task DeleteConversationAsync(string conversationKey, CancellationToken cancellationToken);

    Task<DispositionReport> DispositionReportAsync(CancellationToken cancellationToken);
}
