namespace SupportBot.Host.Channels.Replay;

/// <summary>How replays are paced (section <c>Training</c>, beside the trainer list and retention).</summary>
public sealed class ReplayOptions
{
    public const string SectionName = "Training";

    public static readonly TimeSpan MaxReplayInterval = TimeSpan.FromMinutes(1);

    /// <summary><c>Training:ReplayInterval</c>: the pause between two turns of a replay; zero posts them back to back.</summary>
    public TimeSpan ReplayInterval { get; set; } = TimeSpan.FromSeconds(1);
}
