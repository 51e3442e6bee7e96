using MobileSource.Cameras.Setup;
using MobileSource.Cameras.Streams;
using MobileSource.Domain.Text;
using MobileSource.Infrastructure.Security;
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
        group.MapPost("/{id}/start", (string id, HttpContext http, CameraAdministration admin, CancellationToken ct) => SwitchAsync(id, true, http, admin, ct))
            .WithSummary("Starts a stopped or failed camera (a running one is left as it is); audited.")
            .Produces<CameraStatus>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/stop", (string id, HttpContext http, CameraAdministration admin, CancellationToken ct) => SwitchAsync(id, false, http, admin, ct))
            .WithSummary("Stops a camera: its ffmpeg is ended; captures already decided are still handed over; audited.")
            .Produces<CameraStatus>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/settings", async (string id, CameraAdministration admin, CancellationToken ct) =>
                await admin.FindAsync(id, ct) is { } camera ? Results.Ok(camera) : Unknown(id))
            .WithSummary("A camera's settings for editing; the source is shown without credentials.")
            .Produces<CameraSettingsView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", AddAsync)
            .WithSummary("Adds a camera (a network stream: rtsp, rtsps, http, https), stored and started at once when enabled; audited.")
            .Accepts<CameraSettings>("application/json")
            .Produces<CameraSettingsView>(StatusCodes.Status201Created).ProducesValidationProblem();
        group.MapPut("/{id}", UpdateAsync)
            .WithSummary("Changes a camera: fields left out keep their value, a source sent as shown keeps its credentials; " +
                         "version is the one read (409 when someone changed it since). A running camera restarts with the change.")
            .Accepts<CameraSettings>("application/json")
            .Produces<CameraSettingsView>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id}", async (string id, HttpContext http, CameraAdministration admin, CancellationToken ct) =>
                await admin.RemoveAsync(id, http.Name(), http.RemoteAddress(), ct) switch
                {
                    CameraChangeStatus.Done => Results.NoContent(),
                    CameraChangeStatus.Conflict => ChangedMeanwhile(id, null),
                    _ => Unknown(id),
                })
            .WithSummary("Stops and removes a camera; its captures and evidence stay. Configuration does not bring it back.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
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

    private static async Task<IResult> SwitchAsync(string id, bool run, HttpContext http, CameraAdministration admin, CancellationToken ct) =>
        await admin.SwitchAsync(id, run, http.Name(), http.RemoteAddress(), ct) is { } status ? Results.Ok(status) : Unknown(id);

    private static async Task<IResult> AddAsync(HttpContext http, CameraAdministration admin, CancellationToken ct)
    {
        var (settings, problem) = await JsonBody.ReadAsync<CameraSettings>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var change = await admin.AddAsync(settings!, MayUseFiles(http), http.Name(), http.RemoteAddress(), ct);
        return change.Status == CameraChangeStatus.Done
            ? Results.Created($"/api/cameras/{change.Camera!.Id}", change.Camera)
            : Problems.Validation(change.Errors);
    }

    private static async Task<IResult> UpdateAsync(string id, HttpContext http, CameraAdministration admin, CancellationToken ct)
    {
        var (settings, problem) = await JsonBody.ReadAsync<CameraSettings>(http.Request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var change = await admin.UpdateAsync(id, settings!, MayUseFiles(http), http.Name(), http.RemoteAddress(), ct);
        return change.Status switch
        {
            CameraChangeStatus.Done => Results.Ok(change.Camera),
            CameraChangeStatus.NotFound => Unknown(id),
            CameraChangeStatus.Conflict => ChangedMeanwhile(id, change.Camera),
            _ => Problems.Validation(change.Errors),
        };
    }

    /// <summary>A file on the server as a camera's source is the administrator's to give, not an operator's.</summary>
    private static bool MayUseFiles(HttpContext http) => http.User.IsInRole(Roles.Admin);

    private static IResult ChangedMeanwhile(string id, CameraSettingsView? current) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict,
            title: Bilingual.Text("Changed by someone else", "已被他人修改"),
            detail: Bilingual.Text($"Camera '{id}' was changed since it was read: its current settings are shown; make the change again.",
                $"摄像机 {id} 在您打开后已被他人修改：已显示当前设置，请重新修改。"),
            extensions: new Dictionary<string, object?> { ["current"] = current });

    private static IResult Unknown(string id) =>
        Problems.NotFound(Bilingual.Text($"No camera '{id}' is configured.", $"没有摄像机 {id}。"));
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
