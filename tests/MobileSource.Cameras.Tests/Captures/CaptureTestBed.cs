using System.Security.Cryptography;
using MobileSource.Cameras.Captures;
using MobileSource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MobileSource.Cameras.Tests.Captures;

/// <summary>A throw-away SQLite database, evidence root and staging folder, with a clock the test moves.</summary>
public sealed class CaptureTestBed : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mobilesource-captures-").FullName;

    public CaptureTestBed()
    {
        Store = new EvidenceStore(Microsoft.Extensions.Options.Options.Create(new EvidenceOptions { Root = Path.Combine(_folder, "evidence") }));
        using var db = NewDb();
        db.Database.EnsureCreated();
    }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero));
    public EvidenceStore Store { get; }
    public CaptureOptions Options { get; } = new();

    public MobileSourceDbContext NewDb() => new(new DbContextOptionsBuilder<MobileSourceDbContext>()
        .UseSqlite($"Data Source={Path.Combine(_folder, "test.db")};Pooling=false").Options);

    public CaptureRecorder Recorder(MobileSourceDbContext db) =>
        new(db, Store, Microsoft.Extensions.Options.Options.Create(Options), Clock, NullLogger<CaptureRecorder>.Instance);

    public CaptureRetention Retention(MobileSourceDbContext db) =>
        new(db, Store, Microsoft.Extensions.Options.Options.Create(Options), Clock, NullLogger<CaptureRetention>.Instance);

    /// <summary>Staged files with distinct content, as the stream side leaves them.</summary>
    public CaptureEvidence Stage(string? plate = "豫F12345", Guid? id = null)
    {
        var staging = Directory.CreateDirectory(Path.Combine(_folder, "staging", Guid.NewGuid().ToString("N"))).FullName;
        string File(string name)
        {
            var path = Path.Combine(staging, name);
            System.IO.File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(2048));
            return path;
        }
        var files = new List<EvidenceFile>
        {
            new(EvidenceKinds.Clip, File("clip.mp4"), "video/mp4"),
            new(EvidenceKinds.Vehicle, File("vehicle.jpg"), "image/jpeg"),
            new(EvidenceKinds.Smoke, File("smoke.jpg"), "image/jpeg"),
        };
        return new CaptureEvidence
        {
            CaptureId = id ?? Guid.NewGuid(),
            CameraId = "CAM-T-01",
            Site = "test site",
            Lane = "1",
            TravelDirection = "Away",
            CapturedAt = Clock.GetUtcNow().AddMinutes(-1),
            VehicleClass = "Heavy",
            SmokeScore = 0.9,
            RingelmannLevel = 2,
            Plate = plate,
            PlateConfidence = plate is null ? null : 0.8,
            PlateColour = plate is null ? null : "yellow",
            PlateSource = plate is null ? null : PlateSources.Vision,
            Files = files,
        };
    }

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(System.IO.File.ReadAllBytes(path)));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine; the OS cleans its temp folder.
        }
    }
}

public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
