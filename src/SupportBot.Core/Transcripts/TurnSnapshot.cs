using System.Text.Json.Nodes;

namespace SupportBot.Transcripts;

/// <summary>
/// Where the dialog stood after a turn: the playbook and step now waiting for an answer, and the fields
/// collected so far (already redacted). Kept on the turn's inbound entry so a replay can show it.
/// </summary>
public sealed record TurnSnapshot(string? PlaybookId, string? StepId, JsonObject Fields);
