using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportBot.Host.Hosting;
using SupportBot.Tests.Infrastructure;
using SupportBot.Transcripts;

namespace SupportBot.Tests.Hosting;

public sealed class TrainingOptionsValidatorTests
{
    private static string? Failure(TrainingOptions options) => new TrainingOptionsValidator().Validate(null, options).FailureMessage;

    [Fact]
    public void TheDefaults_AreValid() => Assert.Null(Failure(new TrainingOptions()));

    [Fact]
    public void ZeroRetention_KeepsTranscriptsForeverAndIsValid() =>
        Assert.Null(Failure(new TrainingOptions { TranscriptRetention = TimeSpan.Zero, Trainers = ["trainer-1", "29:1a-teams-user"] }));

    [Fact]
    public void ANegativeRetention_IsRejectedNamingTheSetting() =>
        Assert.Contains("Training:TranscriptRetention", Failure(new TrainingOptions { TranscriptRetention = TimeSpan.FromDays(-1) }));

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(60 * 24 * 31)]
    public void APurgeIntervalThatIsNotPositiveOrTooLong_IsRejectedNamingTheSetting(int minutes) =>
        Assert.Contains("Training:PurgeInterval", Failure(new TrainingOptions { PurgeInterval = TimeSpan.FromMinutes(minutes) }));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void AnEmptyTrainerId_IsRejectedNamingItsPosition(string id) =>
        Assert.Contains("Training:Trainers:1", Failure(new TrainingOptions { Trainers = ["trainer-1", id] }));

    [Fact]
    public void EveryProblem_IsReportedAtOnce()
    {
        var failure = Failure(new TrainingOptions { TranscriptRetention = TimeSpan.FromDays(-1), PurgeInterval = TimeSpan.Zero, Trainers = [""] });

        Assert.Contains("Training:TranscriptRetention", failure);
        Assert.Contains("Training:PurgeInterval", failure);
        Assert.Contains("Training:Trainers:0", failure);
    }

    [Fact]
    public async Task TheHost_RejectsABadSettingNamingIt()
    {
        await using var app = WebHost.Build(["--Training:PurgeInterval", "00:00:00", "--Training:Trainers:0", "trainer-1"]);

        var e = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<TrainingOptions>>().Value);

        Assert.Contains("Training:PurgeInterval", e.Message);
    }

    [Fact]
    public void TheHost_BindsTheTrainingSection()
    {
        using var factory = new SupportBotFactory()
            .With("Training:Trainers:0", "trainer-1")
            .With("Training:TranscriptRetention", "30.00:00:00")
            .With("Training:PurgeInterval", "00:15:00");
        factory.CreateClient();

        var options = factory.Services.GetRequiredService<IOptions<TrainingOptions>>().Value;

        Assert.Equal(["trainer-1"], options.Trainers);
        Assert.Equal((TimeSpan.FromDays(30), TimeSpan.FromMinutes(15)), (options.TranscriptRetention, options.PurgeInterval));
    }
}
