namespace SupportBot.Escalations;

/// <summary>
/// Destinations added to a route at run time (for example a Teams channel registered from Teams), merged with the
/// configured <see cref="RouteOptions.Destinations"/> whenever the engine queues messages for the route.
/// </summary>
public interface IRouteDirectory
{
    Task<IReadOnlyList<string>> ExtraDestinationsAsync(string route, CancellationToken cancellationToken);
}
