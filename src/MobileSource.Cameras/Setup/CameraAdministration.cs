using System.Text.Json;
using MobileSource.Cameras.Streams;
using MobileSource.Domain.Text;
using MobileSource.Infrastructure.Alerts;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using MobileSource.Infrastructure.Security;
using MobileSource.Infrastructure.Sensing;
using MobileSource.Vision.Analysis;
using MobileSource.Vision.Video;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MobileSource.Cameras.Setup;

public enum CameraChangeStatus
{
    Done,
    Invalid,
    NotFound,
    Conflict,
}

public sealed record CameraChange(CameraChangeStatus Status, CameraSettingsView? Camera, IReadOnlyList<FieldError> Errors)
{
    public static CameraChange Invalid(params FieldError[] errors) => new(CameraChangeStatus.Invalid, null, errors);
}

/// <summary>
/// Operators add, change and remove cameras; each change is stored, audited, and applied to the running camera at
/// once. Cameras in configuration are stored the first time the server sees them; after that the stored camera rules.
/// Cameras added here must be network streams: a file on the server is the administrator's business (configuration).
/// </summary>
public sealed class CameraAdministration(
    IServiceScopeFactory scopes, CameraRegistry registry, IOptions<CameraHostOptions> host, TimeProvider clock,
    ILogger<CameraAdministration> logger) : ICameraCatalog
{
    public const string ConfigurationActor = "configuration";
    public const int MaxIoTimeoutSeconds = 120;

    // One change at a time: a change is a database write and then a registry update, and two interleaved (an add racing
    // a remove, a start racing an edit) could leave a runner no row describes.
    private readonly SemaphoreSlim _changes = new(1, 1);

    private async Task<T> OneAtATimeAsync<T>(Func<Task<T>> change, CancellationToken ct)
    {
        await _changes.WaitAsync(ct);
        try
        {
            return await change();
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>
    /// Stores the configured cameras the database has never had, then makes the registry hold exactly the stored
    /// cameras (none started). Run once at start, before any camera starts.
    /// </summary>
    public async Task LoadAsync(IReadOnlyList<CameraOptions> configured, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileSourceDbContext>();
        var stored = await db.Cameras.ToListAsync(ct);
        foreach (var camera in configured)
        {
            var row = stored.FirstOrDefault(s => string.Equals(s.Id, camera.Id, StringComparison.OrdinalIgnoreCase));
            if (row is null)
            {
                row = new StoredCamera { Version = 1, UpdatedAtUtc = clock.GetUtcNow().UtcDateTime, UpdatedBy = ConfigurationActor };
                row.CopyFrom(camera);
                db.Cameras.Add(row);
                stored.Add(row);
                logger.LogInformation("Camera {Camera} from configuration is stored; from now on the cameras page changes it", camera.Id);
            }
            else if (row.RemovedAtUtc is not null)
            {
                logger.LogInformation("Camera {Camera} in configuration was removed on the cameras page ({By}) and stays removed", camera.Id, row.UpdatedBy);
            }
            else if (Compare(row.ToOptions()) != Compare(Normalised(camera)))
            {
                logger.LogWarning("Camera {Camera} in configuration differs from the stored camera (last changed by {By}); the stored one runs",
                    camera.Id, row.UpdatedBy);
            }
        }
        await db.SaveChangesAsync(ct);

        var live = stored.Where(s => s.RemovedAtUtc is null).ToList();
        foreach (var id in registry.Runners.Select(r => r.Id).Where(id => !live.Any(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            await registry.RemoveAsync(id);
        }
        foreach (var row in live)
        {
            var options = row.ToOptions();
            if (options.ValidateFields().FirstOrDefault() is { } error)
            {
                logger.LogError("Stored camera {Camera} is not valid and is not run: {Field} {Error}", row.Id, error.Field, error.Message);
                await registry.RemoveAsync(row.Id);
                continue;
            }
            await registry.ReplaceAsync(options, start: false);
        }
    }

    public async Task<CameraSettingsView?> FindAsync(string id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileSourceDbContext>();
        var row = await FindRowAsync(db, id, ct);
        return row is null ? null : CameraSettingsView.From(row);
    }

    /// <param name="mayUseFiles">An administrator may give a file on the server as the source; an operator only a network stream.</param>
    public Task<CameraChange> AddAsync(CameraSettings settings, bool mayUseFiles, string actor, string? remoteAddress, CancellationToken ct) =>
        OneAtATimeAsync(() => AddOneAsync(settings, mayUseFiles, actor, remoteAddress, ct), ct);

    private async Task<CameraChange> AddOneAsync(CameraSettings settings, bool mayUseFiles, string actor, string? remoteAddress, CancellationToken ct)
    {
        var camera = new CameraOptions();
        var errors = Apply(settings, camera, storedSource: null, mayUseFiles).ToList();
        if (errors.Count > 0)
        {
            return new(CameraChangeStatus.Invalid, null, errors);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileSourceDbContext>();
        var rows = await db.Cameras.Where(c => c.Id.ToLower() == camera.Id.ToLower()).ToListAsync(ct);
        if (rows.Any(r => r.RemovedAtUtc is null) || registry.Find(camera.Id) is not null)
        {
            return CameraChange.Invalid(new FieldError("id", Bilingual.Text($"camera {camera.Id} exists already", $"摄像机 {camera.Id} 已存在")));
        }
        // A removed camera's id may be used again: its row is reused (or, spelt with other case, replaced), so configuration
        // still cannot bring the old one back.
        var row = rows.FirstOrDefault(r => r.Id == camera.Id);
        db.Cameras.RemoveRange(rows.Where(r => r != row));
        row ??= db.Cameras.Add(new StoredCamera()).Entity;
        row.CopyFrom(camera);
        row.RemovedAtUtc = null;
        row.Version += 1;
        Touch(row, actor);
        Audit(db, actor, "camera.added", camera.Id, Describe(camera), remoteAddress);
        await db.SaveChangesAsync(ct);
        await registry.ReplaceAsync(camera, start: camera.Enabled && host.Value.Enabled);
        logger.LogInformation("Camera {Camera} added by {Actor}", camera.Id, actor);
        return new(CameraChangeStatus.Done, CameraSettingsView.From(row), []);
    }

    /// <param name="mayUseFiles">An administrator may give a file on the server as the source; an operator only a network stream.</param>
    public Task<CameraChange> UpdateAsync(string id, CameraSettings settings, bool mayUseFiles, string actor, string? remoteAddress, CancellationToken ct) =>
        OneAtATimeAsync(() => UpdateOneAsync(id, settings, mayUseFiles, actor, remoteAddress, ct), ct);

    private async Task<CameraChange> UpdateOneAsync(string id, CameraSettings settings, bool mayUseFiles, string actor, string? remoteAddress, CancellationToken ct)
    {
        if (settings.Version is null)
        {
            return CameraChange.Invalid(new FieldError("version", Bilingual.Text(
                "version is required: the version of the camera the change was made to", "缺少版本号：请重新打开该摄像机再修改")));
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileSourceDbContext>();
        var row = await FindRowAsync(db, id, ct);
        if (row is null)
        {
            return new(CameraChangeStatus.NotFound, null, []);
        }
        if (row.Version != settings.Version)
        {
            return new(CameraChangeStatus.Conflict, CameraSettingsView.From(row), []);
        }
        if (settings.Id is { Length: > 0 } newId && !string.Equals(newId.Trim(), row.Id, StringComparison.OrdinalIgnoreCase))
        {
            return CameraChange.Invalid(new FieldError("id", Bilingual.Text(
                "a camera's id cannot change (its captures and recordings are filed under it); add a new camera instead",
                "摄像机编号不能修改（抓拍和录像按编号归档）；请新增一台摄像机")));
        }
        var before = row.ToOptions();
        var camera = row.ToOptions();
        var errors = Apply(settings with { Id = row.Id }, camera, storedSource: row.Source, mayUseFiles).ToList();
        if (errors.Count > 0)
        {
            return new(CameraChangeStatus.Invalid, null, errors);
        }
        row.CopyFrom(camera);
        db.Entry(row).Property(r => r.Version).OriginalValue = settings.Version.Value;
        row.Version = settings.Version.Value + 1;
        Touch(row, actor);
        Audit(db, actor, "camera.changed", row.Id, Changes(before, camera), remoteAddress);
        await scope.ServiceProvider.GetRequiredService<OfficerCheckpoints>()
            .RenamePlaceAsync(AlertPlaces.OfCamera(row.Id, before.Site), AlertPlaces.OfCamera(row.Id, camera.Site), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(CameraChangeStatus.Conflict, null, []);
        }
        // It runs after the change unless an operator stopped it (or it was off): a failed camera gets its corrected settings tried.
        var stoppedByHand = registry.Find(row.Id) is { IsRunning: false, Status.State: CameraState.Stopped };
        var start = host.Value.Enabled && camera.Enabled && (!stoppedByHand || !before.Enabled);
        await registry.ReplaceAsync(camera, start);
        logger.LogInformation("Camera {Camera} changed by {Actor}: {Changes}", row.Id, actor, Changes(before, camera));
        return new(CameraChangeStatus.Done, CameraSettingsView.From(row), []);
    }

    /// <summary>Stops the camera and removes it; its captures and their evidence stay.</summary>
    public Task<CameraChangeStatus> RemoveAsync(string id, string actor, string? remoteAddress, CancellationToken ct) =>
        OneAtATimeAsync(() => RemoveOneAsync(id, actor, remoteAddress, ct), ct);

    private async Task<CameraChangeStatus> RemoveOneAsync(string id, string actor, string? remoteAddress, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileSourceDbContext>();
        var row = await FindRowAsync(db, id, ct);
        if (row is null)
        {
            return CameraChangeStatus.NotFound;
        }
        row.RemovedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.Version += 1;
        Touch(row, actor);
        Audit(db, actor, "camera.removed", row.Id, $"source {SourceAddress.Redact(row.Source)}, site {row.Site}", remoteAddress);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CameraChangeStatus.Conflict; // another server changed it meanwhile
        }
        await registry.RemoveAsync(row.Id);
        logger.LogInformation("Camera {Camera} removed by {Actor}", row.Id, actor);
        return CameraChangeStatus.Done;
    }

    /// <summary>Starts or stops a camera by hand, audited; null when there is no such camera.</summary>
    public Task<CameraStatus?> SwitchAsync(string id, bool run, string actor, string? remoteAddress, CancellationToken ct) =>
        OneAtATimeAsync(() => SwitchOneAsync(id, run, actor, remoteAddress, ct), ct);

    private async Task<CameraStatus?> SwitchOneAsync(string id, bool run, string actor, string? remoteAddress, CancellationToken ct)
    {
        if (registry.Find(id) is not { } runner)
        {
            return null;
        }
        if (run)
        {
            runner.Start();
        }
        else
        {
            await runner.StopAsync();
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MobileSourceDbContext>();
        Audit(db, actor, run ? "camera.started" : "camera.stopped", runner.Id, $"state {runner.Status.State}", remoteAddress);
        await db.SaveChangesAsync(ct);
        return runner.Status;
    }

    private static Task<StoredCamera?> FindRowAsync(MobileSourceDbContext db, string id, CancellationToken ct) =>
        db.Cameras.FirstOrDefaultAsync(c => c.Id.ToLower() == id.ToLower() && c.RemovedAtUtc == null, ct);

    /// <summary>Copies the given fields onto <paramref name="camera"/> and says what is wrong with the result.</summary>
    private static IEnumerable<FieldError> Apply(CameraSettings s, CameraOptions camera, string? storedSource, bool mayUseFiles)
    {
        var errors = new List<FieldError>();
        camera.Id = s.Id?.Trim() ?? camera.Id;
        camera.Site = s.Site?.Trim() ?? camera.Site;
        camera.Lane = s.Lane?.Trim() ?? camera.Lane;
        camera.DetectWidth = s.DetectWidth ?? camera.DetectWidth;
        camera.DetectHeight = s.DetectHeight ?? camera.DetectHeight;
        camera.DetectFps = s.DetectFps ?? camera.DetectFps;
        camera.Enabled = s.Enabled ?? camera.Enabled;
        camera.Record = s.Record ?? camera.Record;
        if (s.IoTimeoutSeconds is { } ioTimeout)
        {
            if (ioTimeout is >= 1 and <= MaxIoTimeoutSeconds)
            {
                camera.IoTimeout = TimeSpan.FromSeconds(ioTimeout);
            }
            else
            {
                errors.Add(new("ioTimeoutSeconds", Bilingual.Text($"between 1 and {MaxIoTimeoutSeconds} seconds",
                    $"网络超时应为 1 到 {MaxIoTimeoutSeconds} 秒")));
            }
        }
        if (s.TravelDirection is { } direction)
        {
            if (Enum.TryParse<TravelDirection>(direction, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                camera.TravelDirection = parsed;
            }
            else
            {
                errors.Add(new("travelDirection", Bilingual.Text("Away (vehicles drive away from the camera) or Toward",
                    "行驶方向应为 Away（驶离摄像机）或 Toward（驶向摄像机）")));
            }
        }
        var source = s.Source?.Trim();
        var keepsStored = storedSource is not null && (source is null || source == storedSource || source == SourceAddress.Redact(storedSource));
        if (!keepsStored)
        {
            camera.Source = source ?? "";
            if (!mayUseFiles && SourceAddress.TryParse(camera.Source, out var address, out _) && !address!.IsLive)
            {
                errors.Add(new("source", Bilingual.Text(
                    "an operator adds a network stream (rtsp://, rtsps://, http://, https://); a file on the server is an administrator's to give",
                    "操作员只能添加网络视频流（rtsp://、rtsps://、http://、https://）；服务器上的文件须由管理员设置")));
            }
        }
        var more = camera.ValidateFields().Where(e => !errors.Any(x => x.Field == e.Field)).ToList();
        errors.AddRange(more);
        return errors;
    }

    private void Touch(StoredCamera row, string actor)
    {
        row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = actor;
    }

    private void Audit(MobileSourceDbContext db, string actor, string action, string subject, string detail, string? remoteAddress) =>
        db.Audit.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = actor,
            Action = action,
            Subject = subject,
            Detail = detail,
            RemoteAddress = remoteAddress,
        });

    /// <summary>The settings that matter to a reader of the audit, the source without credentials.</summary>
    private static string Describe(CameraOptions c) =>
        $"source {SourceAddress.Redact(c.Source)}, site {c.Site}, lane {c.Lane}, direction {c.TravelDirection}, " +
        $"detect {c.DetectWidth}x{c.DetectHeight}@{c.DetectFps}, enabled {c.Enabled}, record {c.Record}, loop {c.Loop}, " +
        $"stall {c.StallTimeout.TotalSeconds}s, io {c.IoTimeout.TotalSeconds}s, freeze {c.FreezeFrames}, attempts {c.MaxAttempts}, " +
        $"backoff {c.InitialBackoff.TotalSeconds}-{c.MaxBackoff.TotalSeconds}s";

    private static string Changes(CameraOptions before, CameraOptions after)
    {
        var b = Describe(before).Split(", ");
        var a = Describe(after).Split(", ");
        var changed = a.Where((part, i) => part != b[i]).ToList();
        if (before.Source != after.Source && SourceAddress.Redact(before.Source) == SourceAddress.Redact(after.Source))
        {
            changed.Add("source credentials");
        }
        return changed.Count == 0 ? "no change" : string.Join(", ", changed);
    }

    /// <summary>A configured camera as it would read back from its row (times in whole seconds).</summary>
    private static CameraOptions Normalised(CameraOptions camera)
    {
        var row = new StoredCamera();
        row.CopyFrom(camera);
        return row.ToOptions();
    }

    /// <summary>Only for comparing: every setting, credentials included.</summary>
    private static string Compare(CameraOptions c) => JsonSerializer.Serialize(c);
}
