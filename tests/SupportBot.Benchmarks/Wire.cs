using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Benchmarks;

/// <summary>The subset of the Bot Framework Activity the benchmark sends (camelCase on the wire).</summary>
internal sealed record OutboundActivity(
    string Type,
    string Id,
    string ChannelId,
    string ServiceUrl,
    WireAccount From,
    WireAccount Recipient,
    WireConversation Conversation,
    string Text,
    string Locale,
    DateTimeOffset Timestamp);

internal sealed record WireAccount(string Id, string? Name);

internal sealed record WireConversation(string Id);

/// <summary>Source-generated serializer for the activities sent to the bot.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OutboundActivity))]
internal sealed partial class WireJson : JsonSerializerContext;

/// <summary>Source-generated serializer for the summaries printed with --json.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ThroughputSummary))]
[JsonSerializable(typeof(SeedSummary))]
[JsonSerializable(typeof(ColdStartSummary))]
internal sealed partial class ReportJson : JsonSerializerContext;
