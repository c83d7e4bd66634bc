using System.Text.Json.Nodes;

namespace SupportBot.Dialogs.Prompts;

/// <summary>How a prompt reports that it ran out of attempts without a usable answer.</summary>
public static class PromptResult
{
    private const string FailedProperty = "promptFailed";

    public static JsonObject Failed() => new() { [FailedProperty] = true };

    public static bool IsFailed(JsonNode? result) =>
        result is JsonObject obj && obj.TryGetPropertyValue(FailedProperty, out var value) && value?.GetValue<bool>() == true;
}

/// <summary>The outcome of recognising an answer.</summary>
public readonly record struct PromptRecognition<T>(bool Succeeded, T? Value, string? Problem = null)
{
    public static PromptRecognition<T> Success(T value) => new(true, value);

    public static PromptRecognition<T> Failure(string? problem = null) => new(false, default, problem);
}

/// <summary>Extra validation after recognition; return false to ask again.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> context, CancellationToken cancellationToken);

public sealed record PromptValidatorContext<T>(Turns.ITurnContext Context, T Value, PromptOptions Options, int Attempts);
