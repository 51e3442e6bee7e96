using MobileSource.Domain.Blacklist;
using MobileSource.Domain.Plates;
using MobileSource.Infrastructure.Persistence.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MobileSource.Infrastructure.Persistence;

/// <summary>One database for every module of the embedded host; each module owns its tables.</summary>
public sealed class MobileSourceDbContext(DbContextOptions<MobileSourceDbContext> options) : IdentityDbContext<Account>(options)
{
    public DbSet<RegisteredVehicle> Vehicles => Set<RegisteredVehicle>();
    public DbSet<StoredReading> Readings => Set<StoredReading>();
    public DbSet<RegisteredSite> Sites => Set<RegisteredSite>();
    public DbSet<PlateReview> PlateReviews => Set<PlateReview>();
    public DbSet<Violation> Violations => Set<Violation>();
    public DbSet<EnforcementCase> Cases => Set<EnforcementCase>();
    public DbSet<RepairRecord> Repairs => Set<RepairRecord>();
    public DbSet<InspectionRecord> Inspections => Set<InspectionRecord>();
    public DbSet<RoadsideCheck> RoadsideChecks => Set<RoadsideCheck>();
    public DbSet<PoliceAlert> Alerts => Set<PoliceAlert>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<ProcessedMessage> ProcessedMessages => Set<ProcessedMessage>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<Capture> Captures => Set<Capture>();
    public DbSet<CaptureFile> CaptureFiles => Set<CaptureFile>();
    public DbSet<AnprEvent> AnprEvents => Set<AnprEvent>();
    public DbSet<AnprPicture> AnprPictures => Set<AnprPicture>();
    public DbSet<StoredCamera> Cameras => Set<StoredCamera>();
    public DbSet<AccountCheckpoint> AccountCheckpoints => Set<AccountCheckpoint>();

    public const string RevisionProperty = "Revision";

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpCaseRevisions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpCaseRevisions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>A case saved by someone else since we loaded it fails with DbUpdateConcurrencyException.</summary>
    private void BumpCaseRevisions()
    {
        foreach (var entry in ChangeTracker.Entries<EnforcementCase>().Where(e => e.State == EntityState.Modified))
        {
            var revision = entry.Property<long>(RevisionProperty);
            revision.CurrentValue = revision.OriginalValue + 1;
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored as UTC DateTime: SQLite cannot compare or order DateTimeOffset, and a
        // single representation keeps the three providers' schemas alike.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<PlateNumber>().HaveConversion<PlateNumberConverter>().HaveMaxLength(16);
        configurationBuilder.Properties<string>().HaveMaxLength(256);
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        MapAccounts(b);

        b.Entity<RegisteredVehicle>(e =>
        {
            e.ToTable("registered_vehicles");
            e.HasIndex(v => new { v.Plate, v.PlateColour }).IsUnique();
            e.Property(v => v.Plate).HasMaxLength(16);
            e.Property(v => v.Fuel).HasMaxLength(4);
            e.Property(v => v.EmissionStage).HasMaxLength(4);
            e.Property(v => v.Vin).HasMaxLength(32);
            e.HasIndex(v => v.FleetOperator);
        });

        b.Entity<StoredReading>(e =>
        {
            e.ToTable("remote_sensing_readings");
            // jlbh numbers come from each device's own counter: unique per site, not across the city.
            e.HasIndex(r => new { r.SiteNo, r.RecordNo }).IsUnique();
            e.HasIndex(r => new { r.Plate, r.MeasuredAtUtc });
            // The bureau's figures and the police's daily quota count a span of days. On PostgreSQL a BRIN index: readings
            // arrive roughly in time order, and a B-tree kept up at 5,000 inserts a second cost the over-limit rule its
            // tail (p99 0.3-0.5 s in 3 of 7 runs against 91-107 ms in 5 without it; docs/benchmarks.md).
            var bySpan = e.HasIndex(r => r.MeasuredAtUtc);
            if (Database.IsNpgsql())
            {
                bySpan.HasMethod("brin");
            }
            e.Property(r => r.RecordNo).HasMaxLength(64);
            e.Property(r => r.SiteNo).HasMaxLength(64);
            e.Property(r => r.Plate).HasMaxLength(16);
            e.Property(r => r.Outcome).HasMaxLength(16);
            e.Property(r => r.JudgementDetail).HasMaxLength(2000);
            e.Property(r => r.NotForEnforcementReason).HasMaxLength(300);
        });
        b.Entity<PlateReview>(e =>
        {
            e.ToTable("plate_reviews");
            e.HasIndex(r => new { r.SiteNo, r.RecordNo }).IsUnique();
            e.HasIndex(r => new { r.State, r.CreatedAtUtc });
            e.Property(r => r.SiteNo).HasMaxLength(64);
            e.Property(r => r.RecordNo).HasMaxLength(64);
            e.Property(r => r.PlateRead).HasMaxLength(32);
            e.Property(r => r.Reason).HasMaxLength(500);
            e.Property(r => r.Candidates).HasMaxLength(500);
            e.Property(r => r.Outcome).HasMaxLength(16);
            // The state takes part in the update's WHERE: two reviewers deciding at once cannot both succeed.
            e.Property(r => r.State).HasMaxLength(16).IsConcurrencyToken();
            e.Property(r => r.DecidedPlate).HasMaxLength(16);
            e.Property(r => r.Note).HasMaxLength(1000);
        });
        b.Entity<RegisteredSite>(e =>
        {
            e.ToTable("remote_sensing_sites");
            e.HasIndex(s => s.SiteNo).IsUnique();
            e.Property(s => s.SiteNo).HasMaxLength(64);
            e.Property(s => s.Name).HasMaxLength(128);
            e.Property(s => s.Address).HasMaxLength(256);
            e.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.SiteId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RegisteredSensingLine>(e =>
        {
            e.ToTable("remote_sensing_lines");
            e.HasIndex(l => new { l.SiteId, l.LineNo }).IsUnique();
            e.Property(l => l.LineNo).HasMaxLength(64);
            e.Property(l => l.InstrumentSerial).HasMaxLength(64);
        });

        b.Entity<Violation>(e =>
        {
            e.ToTable("violations");
            e.HasIndex(v => v.SourceKey).IsUnique();
            e.HasIndex(v => new { v.Plate, v.PlateColour });
            e.Property(v => v.Evidence).HasMaxLength(4000);
        });

        b.Entity<EnforcementCase>(e =>
        {
            e.ToTable("enforcement_cases");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.HasIndex(c => new { c.Plate, c.Colour, c.State });
            e.HasIndex(c => c.State);
            e.Property(c => c.Evidence).HasMaxLength(4000);
            e.Ignore(c => c.IsOpen);
            // Optimistic concurrency: the overdue sweeper, a repair and a re-test may load the same case at once.
            e.Property<long>(RevisionProperty).IsConcurrencyToken();
            e.OwnsMany(c => c.Transitions, t =>
            {
                t.ToTable("case_transitions");
                t.WithOwner().HasForeignKey("CaseId");
                t.Property<long>("Id");
                t.HasKey("Id");
                t.Property(x => x.Note).HasMaxLength(2000);
            });
            e.Navigation(c => c.Transitions).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_transitions");
        });

        b.Entity<RepairRecord>(e =>
        {
            e.ToTable("repair_records");
            e.HasIndex(r => new { r.Plate, r.PlateColour });
            e.Property(r => r.Items).HasMaxLength(4000);
            e.Property(r => r.Notes).HasMaxLength(2000);
        });

        b.Entity<InspectionRecord>(e =>
        {
            e.ToTable("inspection_records");
            e.HasIndex(r => new { r.Plate, r.PlateColour });
            e.HasIndex(r => r.TestedAtUtc);
            e.Property(r => r.ValuesJson).HasMaxLength(4000);
            e.Property(r => r.Failures).HasMaxLength(2000);
        });

        b.Entity<PoliceAlert>(e =>
        {
            e.ToTable("police_alerts");
            e.HasIndex(a => a.SourceMessageId).IsUnique();
            e.HasIndex(a => new { a.Plate, a.PlateColour });
        });

        b.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasIndex(m => m.DispatchedAtUtc);
            // No length limit (text / nvarchar(max)): one message carries a batch of readings, about 300 bytes each.
            e.Property(m => m.Body).Metadata.SetMaxLength(null);
            e.Property(m => m.LastError).HasMaxLength(2000);
        });

        b.Entity<ProcessedMessage>(e =>
        {
            e.ToTable("processed_messages");
            e.HasKey(m => new { m.Consumer, m.MessageId });
            e.HasIndex(m => m.ProcessedAtUtc);
            e.Property(m => m.Consumer).HasMaxLength(128);
        });

        b.Entity<RoadsideCheck>(e =>
        {
            e.ToTable("roadside_checks");
            e.HasIndex(r => new { r.Plate, r.PlateColour });
            e.HasIndex(r => r.CheckedAtUtc);
            e.Property(r => r.Checkpoint).HasMaxLength(128);
            e.Property(r => r.ValuesJson).HasMaxLength(2000);
            e.Property(r => r.Failures).HasMaxLength(2000);
            e.Property(r => r.Decision).HasMaxLength(16);
            e.Property(r => r.ViolationCode).HasMaxLength(8);
            e.Property(r => r.Note).HasMaxLength(1000);
        });

        b.Entity<ApiKey>(e =>
        {
            e.ToTable("api_keys");
            e.HasIndex(k => k.KeyHash).IsUnique();
            e.Property(k => k.KeyHash).HasMaxLength(64);
        });

        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasIndex(a => a.AtUtc);
            e.Property(a => a.Detail).HasMaxLength(AuditEntry.MaxDetailLength);
        });

        MapCaptures(b);
        if (Database.IsSqlServer())
        {
            CompareDeviceKeysByCodePoint(b);
        }

        SnakeCaseNames.Apply(b);
    }

    /// <summary>ASP.NET Core Identity's tables under our names; a person has one role.</summary>
    private static void MapAccounts(ModelBuilder b)
    {
        b.Entity<Account>(e =>
        {
            e.ToTable("accounts");
            e.Property(a => a.DisplayName).HasMaxLength(128);
            e.Property(a => a.CreatedBy).HasMaxLength(128);
        });
        b.Entity<IdentityRole>().ToTable("roles");
        b.Entity<IdentityUserRole<string>>().ToTable("account_roles");
        b.Entity<IdentityUserClaim<string>>().ToTable("account_claims");
        b.Entity<IdentityUserLogin<string>>().ToTable("account_logins");
        b.Entity<IdentityUserToken<string>>().ToTable("account_tokens");
        b.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
        b.Entity<AccountCheckpoint>(e =>
        {
            e.ToTable("account_checkpoints");
            e.HasKey(c => new { c.AccountId, c.Place });
            e.Property(c => c.Place).HasMaxLength(128);
            e.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    private static void MapCaptures(ModelBuilder b)
    {
        b.Entity<Capture>(e =>
        {
            e.ToTable("captures");
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.CameraId).HasMaxLength(64);
            e.Property(c => c.Lane).HasMaxLength(32);
            e.Property(c => c.TravelDirection).HasMaxLength(16);
            e.Property(c => c.VehicleClass).HasMaxLength(16);
            e.Property(c => c.Plate).HasMaxLength(16);
            e.Property(c => c.PlateColour).HasMaxLength(16);
            e.Property(c => c.PlateSource).HasMaxLength(8);
            e.Property(c => c.VisionPlate).HasMaxLength(16);
            e.Property(c => c.VisionPlateColour).HasMaxLength(16);
            e.Property(c => c.AnprPlate).HasMaxLength(16);
            e.Property(c => c.OriginalPlate).HasMaxLength(16);
            e.Property(c => c.OriginalPlateColour).HasMaxLength(16);
            e.Property(c => c.RejectReason).HasMaxLength(2000);
            e.Property(c => c.PlateCorrectionReason).HasMaxLength(2000);
            e.Property(c => c.Revision).IsConcurrencyToken();
            // The review queue: by state newest first, optionally per camera; the ANPR merge: per camera by time.
            e.HasIndex(c => new { c.State, c.CapturedAtUtc });
            e.HasIndex(c => new { c.CameraId, c.CapturedAtUtc });
            e.HasMany(c => c.Files).WithOne().HasForeignKey(f => f.CaptureId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<CaptureFile>(e =>
        {
            e.ToTable("capture_files");
            e.Property(f => f.Kind).HasMaxLength(16);
            e.Property(f => f.RelativePath).HasMaxLength(512);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.Property(f => f.ContentType).HasMaxLength(64);
        });

        b.Entity<AnprEvent>(e =>
        {
            e.ToTable("anpr_events");
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.CameraId).HasMaxLength(64);
            e.Property(a => a.Vendor).HasMaxLength(16);
            e.Property(a => a.DeviceAddress).HasMaxLength(64);
            e.Property(a => a.Channel).HasMaxLength(16);
            e.Property(a => a.Plate).HasMaxLength(16);
            e.Property(a => a.RawPlate).HasMaxLength(64);
            e.Property(a => a.PlateColour).HasMaxLength(16);
            e.Property(a => a.VehicleType).HasMaxLength(32);
            e.HasIndex(a => new { a.CameraId, a.EventAtUtc });
            e.HasIndex(a => new { a.CaptureId, a.ReceivedAtUtc });
            e.HasMany(a => a.Pictures).WithOne().HasForeignKey(p => p.AnprEventId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<StoredCamera>(e =>
        {
            e.ToTable("cameras");
            e.Property(c => c.Id).HasMaxLength(64).ValueGeneratedNever();
            e.Property(c => c.Source).HasMaxLength(1024);
            e.Property(c => c.Site).HasMaxLength(128);
            e.Property(c => c.Lane).HasMaxLength(32);
            e.Property(c => c.TravelDirection).HasMaxLength(16);
            e.Property(c => c.UpdatedBy).HasMaxLength(128);
            e.Property(c => c.Version).IsConcurrencyToken();
        });

        b.Entity<AnprPicture>(e =>
        {
            e.ToTable("anpr_pictures");
            e.Property(p => p.Name).HasMaxLength(128);
            e.Property(p => p.RelativePath).HasMaxLength(512);
            e.Property(p => p.Sha256).HasMaxLength(64);
            e.Property(p => p.ContentType).HasMaxLength(64);
        });
    }

    /// <summary>
    /// SQL Server compares text case-insensitively by default; SQLite, PostgreSQL and the intake's own duplicate check
    /// (ordinal) do not. Record "r1" and record "R1" of one site would be two readings in memory but one key to the unique
    /// index, and a batch holding both would fail each time it was tried. Keys that devices make compare by code point.
    /// </summary>
    private static void CompareDeviceKeysByCodePoint(ModelBuilder b)
    {
        const string byCodePoint = "Latin1_General_100_BIN2";
        b.Entity<StoredReading>(e =>
        {
            e.Property(r => r.SiteNo).UseCollation(byCodePoint);
            e.Property(r => r.RecordNo).UseCollation(byCodePoint);
        });
        b.Entity<PlateReview>(e =>
        {
            e.Property(r => r.SiteNo).UseCollation(byCodePoint);
            e.Property(r => r.RecordNo).UseCollation(byCodePoint);
        });
        b.Entity<RegisteredSite>().Property(s => s.SiteNo).UseCollation(byCodePoint);
        b.Entity<RegisteredSensingLine>().Property(l => l.LineNo).UseCollation(byCodePoint);
        // "rs:No:{site}:{record}": two records differing in case make two violations.
        b.Entity<Violation>().Property(v => v.SourceKey).UseCollation(byCodePoint);
    }
}
