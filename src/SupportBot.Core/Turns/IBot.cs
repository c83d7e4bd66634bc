namespace SupportBot.Turns;

/// <summary>The bot's own logic, run at the centre of the middleware onion.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
