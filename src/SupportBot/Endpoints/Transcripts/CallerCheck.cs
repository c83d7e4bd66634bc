using SupportBot.Host.Channels.BotFramework;

namespace SupportBot.Host.Endpoints.Transcripts;

/// <summary>The answers trainer-facing endpoints give when the caller is unknown or lacks the role.</summary>
internal static class CallerCheck
{
    public static IResult Unauthorized() =>
        BotFrameworkEndpoints.Problem(StatusCodes.Status401Unauthorized,
            $"Say who you are: send your user id in the {Caller.UserHeader} header (the trainer page's \"Acting as\" field). " +
            "It is accepted from this machine only, unless Training:TrustUserHeaderFromNetwork is set for a host behind an authenticating proxy.");

    public static IResult TrainersOnly(Caller caller, string what) =>
        BotFrameworkEndpoints.Problem(StatusCodes.Status403Forbidden,
            $"{what} is for trainers only, and {caller.Id} is not a trainer (setting Training:Trainers).");
}
