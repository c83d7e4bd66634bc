namespace SupportBot.Transcripts;

/// <summary>Settings of the <c>Training</c> section: who the trainers are and how long transcripts are kept.</summary>
public sealed class TrainingOptions
{
    public const string SectionName = "Training";

    /// <summary>User ids (as the channel reports them) who may browse everyone's transcripts and scores.</summary>
    public List<string> Trainers { get; set; } = [];

    /// <summary>Cases whose last activity is older than this are deleted for good; zero keeps them forever.</summary>
    public TimeSpan TranscriptRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Believe the web pages' user header (<c>X-SupportBot-User</c>) on requests from other machines too.
    /// Only for a host behind an authenticating proxy that sets that header itself; by default it is
    /// believed from this machine only.
    /// </summary>
    public bool TrustUserHeaderFromNetwork { get; set; }

    /// <summary>How often the purge job looks for expired transcripts.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}
