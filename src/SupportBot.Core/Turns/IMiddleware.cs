namespace SupportBot.Turns;

public delegate Task NextDelegate(CancellationToken cancellationToken);

/// <summary>
/// Wraps every turn. Code before <c>next</c> runs on the way in, code after it on the way out;
/// not calling <c>next</c> ends the turn there (a dropped duplicate, for example).
/// </summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken);
}
