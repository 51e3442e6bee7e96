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
        group.MapGet("/{id}/live", (string id, CameraRegistry cameras) =>
            {
                if (cameras.Find(id) is not { } runner)
                {
                    return Unknown(id);
                }
                return runner.LiveView() is { } live
                    ? Results.Ok(LiveView.From(live.Jpeg, live.Width, live.Height, live.Overlay))
                    : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "No analysed frame yet",
                        detail: $"Camera '{id}' has no analysed frame for the live view yet (state {runner.Status.State}); ask again shortly.");
            })
            .WithSummary("The last analysed frame (JPEG, base64) with the tracked vehicles, smoke regions and plates the analyzer saw in it; poll while watching.")
            .Produces<LiveView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static IResult Unknown(string id) => Problems.NotFound($"No camera '{id}' is configured.");
}

public sealed record LiveBox(int X, int Y, int Width, int Height)
{
    public static LiveBox From(OpenCvSharp.Rect r) => new(r.X, r.Y, r.Width, r.Height);
}

public sealed record LiveTrack(int TrackId, string Class, LiveBox Box, LiveBox? SmokeBox, double? SmokeScore, string? Plate);

/// <summary>One analysed frame and what was seen in it, in the frame's own pixels.</summary>
public sealed record LiveView(long FrameIndex, int Width, int Height, string Image, IReadOnlyList<LiveTrack> Tracks)
{
    public static LiveView From(byte[] jpeg, int width, int height, MobileSource.Vision.Analysis.FrameOverlay overlay) => new(
        overlay.FrameIndex, width, height, "data:image/jpeg;base64," + Convert.ToBase64String(jpeg),
        overlay.Tracks.Select(t => new LiveTrack(t.TrackId, t.Class.ToString(), LiveBox.From(t.Box),
            t.SmokeBox is { } smoke ? LiveBox.From(smoke) : null, t.SmokeScore, t.Plate is null ? null : PlateView.Display(t.Plate))).ToList());
}
