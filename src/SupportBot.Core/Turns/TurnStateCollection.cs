namespace SupportBot.Turns;

/// <summary>A typed bag of per-turn values, keyed by type so callers need no magic strings.</summary>
public sealed class TurnStateCollection
{
    private readonly Dictionary<Type, object> _values = [];

    public void Set<T>(T value)
        where T : class => _values[typeof(T)] = value;

    public T? Get<T>()
        where T : class => _values.TryGetValue(typeof(T), out var value) ? (T)value : null;

    public T GetRequired<T>()
        where T : class => Get<T>()
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the turn state; is its middleware registered?");
}
