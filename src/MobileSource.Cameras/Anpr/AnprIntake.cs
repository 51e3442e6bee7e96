using System.Text;
using System.Text.RegularExpressions;
using MobileSource.Cameras.Captures;
using MobileSource.Infrastructure.Persistence;
using MobileSource.Infrastructure.Persistence.Entities;
using MobileSource.Infrastructure.Sensing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MobileSource.Cameras.Anpr;

/// <summary>
/// Stores a camera's ANPR push: the event with its valid pictures (hashed), mapped to a configured camera, and
/// pairs it with a pending smoke capture of that camera within the match window. A bad picture part is reported
/// and skipped; the event itself is never dropped because of it. A camera's resend of the same event is not stored twice.
/// </summary>
public sealed partial class AnprIntake(
    MobileSourceDbContext db, EvidenceStore store, IOptions<AnprOptions> anprOptions, IOptions<CaptureOptions> captureOptions, TimeProvider clock)
{
    public const string CameraIdPattern = "^[A-Za-z0-9._-]{1,64}$";

    public async Task<AnprIntakeResult> TakeAsync(
        string vendor, IReadOnlyList<AnprPart> parts, string? cameraId, string? senderAddress, CancellationToken ct)
    {
        var options = anprOptions.Value;
        var offset = TimeSpan.FromHours(options.DeviceUtcOffsetHours);
        if (cameraId is not null && !CameraIdRegex().IsMatch(cameraId))
        {
            return AnprIntakeResult.Invalid(new FieldError("camera", $"'{cameraId}' is not a camera id ({CameraIdPattern})"));
        }
        var pictures = parts.Where(AnprMultipart.IsPicture).ToList();
        var dataParts = parts.Except(pictures).ToList();

        IReadOnlyList<AnprRead> reads;
        if (vendor == HikvisionAlertParser.Vendor)
        {
            var xml = dataParts.FirstOrDefault(p => p.ContentType?.Contains("xml", StringComparison.OrdinalIgnoreCase) == true
                                                     || p.Label.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                                                     || (p.Body.Length > 0 && p.Body[0] == (byte)'<'))
                      ?? dataParts.FirstOrDefault();
            if (xml is null)
            {
                return AnprIntakeResult.Invalid(new FieldError("anpr.xml", "no EventNotificationAlert XML part in the push"));
            }
            var (read, errors) = HikvisionAlertParser.Parse(xml, offset);
            if (errors.Count > 0)
            {
                return AnprIntakeResult.Invalid([.. errors]);
            }
            reads = [read!];
        }
        else
        {
            var text = dataParts.FirstOrDefault();
            if (text is null)
            {
                return AnprIntakeResult.Invalid(new FieldError("event", "no JSON or key=value event part in the push"));
            }
            var (parsed, errors) = DahuaTrafficParser.Parse(text, senderAddress, offset);
            if (errors.Count > 0)
            {
                return AnprIntakeResult.Invalid([.. errors]);
            }
            reads = parsed;
        }

        var cameras = new List<string>();
        foreach (var read in reads)
        {
            var mapped = cameraId ?? options.CameraFor(read.DeviceAddress, read.Channel);
            if (mapped is null)
            {
                return AnprIntakeResult.Invalid(new FieldError(vendor == HikvisionAlertParser.Vendor ? "ipAddress" : "DeviceAddress",
                    $"no camera is configured for device {read.DeviceAddress ?? "(no address)"} channel {read.Channel ?? "(none)"}: add it to Anpr:Cameras or pass ?camera="));
            }
            cameras.Add(mapped);
        }

        var warnings = reads.SelectMany(r => r.Warnings).ToList();
        var stored = new List<AnprStoredEvent>();
        for (var i = 0; i < reads.Count; i++)
        {
            stored.Add(await StoreAsync(vendor, reads[i], cameras[i], i == 0 ? pictures : [], warnings, ct));
        }
        return new AnprIntakeResult(stored, [], warnings);
    }

    private async Task<AnprStoredEvent> StoreAsync(
        string vendor, AnprRead read, string cameraId, IReadOnlyList<AnprPart> pictures, List<FieldError> warnings, CancellationToken ct)
    {
        var eventAtUtc = read.EventAt.UtcDateTime;
        var rawPlate = Clip(read.RawPlate, 64)!;
        var existing = await db.AnprEvents.AsNoTracking().Include(a => a.Pictures)
            .FirstOrDefaultAsync(a => a.CameraId == cameraId && a.EventAtUtc == eventAtUtc && a.RawPlate == rawPlate, ct);
        if (existing is not null)
        {
            return AnprStoredEvent.From(existing, duplicate: true, plateUsed: false);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var anpr = new AnprEvent
        {
            Id = Guid.NewGuid(),
            CameraId = cameraId,
            Vendor = vendor,
            DeviceAddress = Clip(read.DeviceAddress, 64),
            Channel = Clip(read.Channel, 16),
            EventAtUtc = eventAtUtc,
            ReceivedAtUtc = now,
            RawPlate = rawPlate,
            Plate = read.Plate,
            PlateColour = read.PlateColour,
            Confidence = read.Confidence,
            VehicleType = read.VehicleType,
        };
        var folder = EvidenceStore.AnprFolder(anpr.Id, eventAtUtc);
        var names = new HashSet<string>();
        foreach (var part in pictures)
        {
            if (AnprMultipart.PictureProblem(part, anprOptions.Value.MaxPictureBytes) is { } problem)
            {
                warnings.Add(new FieldError(part.Label, $"{problem}; the picture was not stored"));
                continue;
            }
            var name = UniqueName(SafeName(part.Label), names);
            using var content = new MemoryStream(part.Body, writable: false);
            var file = await store.StoreAsync(content, $"{folder}/{name}", ct);
            anpr.Pictures.Add(new AnprPicture
            {
                Name = Clip(part.Label, 128)!,
                RelativePath = file.RelativePath,
                Sha256 = file.Sha256,
                Size = file.Size,
                ContentType = "image/jpeg",
            });
        }

        db.AnprEvents.Add(anpr);
        var capture = await AnprPlateMerge.FindCaptureForAsync(db, cameraId, eventAtUtc, captureOptions.Value.AnprMatchWindow, ct);
        var plateUsed = false;
        if (capture is not null)
        {
            plateUsed = AnprPlateMerge.Apply(capture, anpr, now);
            capture.Revision++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The capture was reviewed meanwhile: a decided capture keeps its plate; the event is stored unpaired.
            db.ChangeTracker.Clear();
            anpr.CaptureId = null;
            db.AnprEvents.Add(anpr);
            await db.SaveChangesAsync(ct);
            plateUsed = false;
        }
        return AnprStoredEvent.From(anpr, duplicate: false, plateUsed);
    }

    private static string SafeName(string label)
    {
        var sb = new StringBuilder();
        foreach (var c in label)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }
        var name = sb.ToString().Trim('.');
        if (name.Length == 0)
        {
            name = "picture";
        }
        if (name.Length > 60)
        {
            name = name[..60];
        }
        return name.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase) ? name : name + ".jpg";
    }

    private static string UniqueName(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{n}-{name}";
        }
        return candidate;
    }

    private static string? Clip(string? value, int max) => value is null ? null : value.Length > max ? value[..max] : value;

    [GeneratedRegex(CameraIdPattern)]
    private static partial Regex CameraIdRegex();
}

public sealed record AnprIntakeResult(IReadOnlyList<AnprStoredEvent> Events, IReadOnlyList<FieldError> Errors, IReadOnlyList<FieldError> Warnings)
{
    public static AnprIntakeResult Invalid(params FieldError[] errors) => new([], errors, []);
}

/// <summary>What was stored for one event, as the camera (and a test) sees it.</summary>
public sealed record AnprStoredEvent(
    Guid EventId, string CameraId, string? Plate, string? PlateColour, double? Confidence, DateTime EventAtUtc,
    Guid? CaptureId, bool PlateUsedByCapture, bool Duplicate, IReadOnlyList<AnprStoredPicture> Pictures)
{
    public static AnprStoredEvent From(AnprEvent e, bool duplicate, bool plateUsed) => new(
        e.Id, e.CameraId, e.Plate, e.PlateColour, e.Confidence, e.EventAtUtc, e.CaptureId, plateUsed, duplicate,
        e.Pictures.Select(p => new AnprStoredPicture(p.Name, p.Sha256, p.Size)).ToList());
}

public sealed record AnprStoredPicture(string Name, string Sha256, long Size);
