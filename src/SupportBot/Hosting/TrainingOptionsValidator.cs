using Microsoft.Extensions.Options;
using SupportBot.Transcripts;

namespace SupportBot.Host.Hosting;

/// <summary>Rejects training settings that cannot work, naming the setting at fault.</summary>
internal sealed class TrainingOptionsValidator : IValidateOptions<TrainingOptions>
{
    // The purge timer cannot wait longer than this; a longer interval would fail at start-up instead.
    private static readonly TimeSpan MaxPurgeInterval = TimeSpan.FromDays(30);

    public ValidateOptionsResult Validate(string? name, TrainingOptions options)
    {
        var failures = new List<string>();
        if (options.TranscriptRetention < TimeSpan.Zero)
        {
            failures.Add($"Training:TranscriptRetention must be zero (keep transcripts forever) or positive (got {options.TranscriptRetention}).");
        }

        if (options.PurgeInterval <= TimeSpan.Zero || options.PurgeInterval > MaxPurgeInterval)
        {
            failures.Add($"Training:PurgeInterval must be positive and at most {MaxPurgeInterval.TotalDays:0} days (got {options.PurgeInterval}).");
        }

        for (var i = 0; i < options.Trainers.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.Trainers[i]))
            {
                failures.Add($"Training:Trainers:{i} must be a user id, not empty.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
