namespace MobileSource.Server.Api;

public static class RegistryEndpoints
{
    public static void MapRegistryEndpoints(this IEndpointRouteBuilder app)
    {
    }
}
