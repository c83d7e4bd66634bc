using SupportBot.Activities;
using SupportBot.Storage;
using SupportBot.Turns;

namespace SupportBot.Transcripts.Verification;

/// <summary>Builds a fresh bot, with empty stores, that tells time by <paramref name="clock"/>.</summary>
public delegate ReplayBot ReplayBotFactory(TimeProvider clock);

/// <summary>
/// A fresh bot for replaying one transcript: the real turn pipeline (state, de-duplication and transcript
/// middleware around the bot) over stores nobody else uses. What the pipeline records in
/// <see cref="Transcripts"/> is compared with the recording, so replies and snapshots pass through the
/// same redaction as when they were recorded.
/// </summary>
/// <param name="owner">Disposed with the bot: the service provider the pipeline came from, if any.</param>
public sealed class ReplayBot(TurnPipeline pipeline, ITranscriptStore transcripts, IAsyncDisposable? owner = null) : IAsyncDisposable
{
    public ITranscriptStore Transcripts { get; } = transcripts;

    /// <summary>Runs one turn; its replies are kept in <see cref="Transcripts"/> rather than delivered anywhere.</summary>
    public Task<TurnResult> RunTurnAsync(Activity activity, CancellationToken cancellationToken) =>
        pipeline.RunAsync(activity, static (_, _, _) => Task.CompletedTask, cancellationToken);

    public ValueTask DisposeAsync() => owner?.DisposeAsync() ?? ValueTask.CompletedTask;
}
