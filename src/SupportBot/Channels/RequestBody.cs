using System.Text;
using SupportBot.Host.Channels.BotFramework;

namespace SupportBot.Host.Channels;

/// <summary>Reads a request body as UTF-8 text, refusing bodies over a size limit before reading them whole.</summary>
internal static class RequestBody
{
    public static async Task<(string? Body, IResult? Problem)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, BotFrameworkEndpoints.Problem(StatusCodes.Status400BadRequest, "The request body is empty; an activity JSON object was expected."));
        }

        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, BotFrameworkEndpoints.Problem(StatusCodes.Status400BadRequest, "The request body is not valid UTF-8 text."));
        }
    }

    /// <summary>Reads and parses a JSON body; <paramref name="what"/> names it in the 400 message ("a chat message").</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(HttpRequest request, int maxBytes, string what, CancellationToken cancellationToken)
        where T : class
    {
        var read = await ReadAsync(request, maxBytes, cancellationToken);
        if (read.Problem is not null)
        {
            return (null, read.Problem);
        }

        try
        {
            return (System.Text.Json.JsonSerializer.Deserialize<T>(read.Body!, SupportBot.Activities.ActivityJson.Options), null);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return (null, BotFrameworkEndpoints.Problem(StatusCodes.Status400BadRequest, $"The body is not {what}: {ex.Message}"));
        }
    }

    private static IResult TooLarge(int maxBytes) =>
        BotFrameworkEndpoints.Problem(StatusCodes.Status413PayloadTooLarge, $"The body is larger than the {maxBytes} bytes allowed (setting Teams:MaxActivityBytes).");
}
