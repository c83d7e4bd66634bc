using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Activities;

/// <summary>The one set of JSON options used wherever an activity crosses a boundary.</summary>
public static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, Options);

    /// <summary>Parses an activity, throwing <see cref="JsonException"/> with a readable message on bad input.</summary>
    public static Activity Deserialize(string json) =>
        JsonSerializer.Deserialize<Activity>(json, Options)
        ?? throw new JsonException("The body is JSON null, not an activity object.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
