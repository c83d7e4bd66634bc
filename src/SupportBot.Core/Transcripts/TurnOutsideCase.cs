namespace SupportBot.Transcripts;

/// <summary>
/// Set on a turn that is not part of the agent's work on a case (a trainer or drill command): it is still
/// recorded, but outside any case, so it neither opens a case nor joins the open one.
/// </summary>
public sealed record TurnOutsideCase;
