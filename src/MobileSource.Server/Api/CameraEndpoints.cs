using MobileSource.Cameras.Streams;
using MobileSource.Server.Auth;

namespace MobileSource.Server.Api;

/// <summary>Camera health and control: state, measured fps, dropped frames, restarts, last error; start, stop, snapshot.</summary>
public static class CameraEndpoints
{
    public static void MapCameraEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cameras").RequireAuthorization(Policies.CamerasManage).WithTags("Cameras");
        group.MapGet("/", (CameraRegistry cameras) => Results.Ok(cameras.Statuses))
            .WithSummary("Every configured camera: state (Starting, Live, Reconnecting, Failed, Stopped) with its reason, fps, frames, dropped frames, restarts, last error.")
            .Produces<IReadOnlyList<CameraStatus>>();
        group.MapGet("/{id}", (string id, CameraRegistry cameras) =>
                cameras.Find(id) is { } runner ? Results.Ok(runner.Status) : Unknown(id))
            .WithSummary("One camera's status.")
            .Produces<CameraStatus>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/start", (string id, CameraRegistry cameras) =>
            {
                if (cameras.Find(id) is not { } runner)
                {
                    return Unknown(id);
                }
                runner.Start();
                return Results.Ok(runner.Status);
            })
            .WithSummary("Starts a stopped or failed camera (a running one is left as it is).")
            .Produces<CameraStatus>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/stop", async (string id, CameraRegistry cameras) =>
            {
                if (cameras.Find(id) is not { } runner)
                {
                    return Unknown(id);
                }
                await runner.StopAsync();
                return Results.Ok(runner.Status);
            })
            .WithSummary("Stops a camera: its ffmpeg is ended; captures already decided are still handed over.")
            .Produces<CameraStatus>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/snapshot", (string id, CameraRegistry cameras) =>
            {
                if (cameras.Find(id) is not { } runner)
                {
                    return Unknown(id);
                }
                return runner.SnapshotJpeg() is { } jpeg
                    ? Results.File(jpeg, "image/jpeg")
                    : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "No frame yet",
                        detail: $"Camera '{id}' has not delivered a frame yet (state {runner.Status.State}).");
            })
            .WithSummary("The latest frame at detect resolution, as JPEG.")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IResult Unknown(string id) => Problems.NotFound($"No camera '{id}' is configured.");
}
