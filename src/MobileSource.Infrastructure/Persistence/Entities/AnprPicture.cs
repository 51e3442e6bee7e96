namespace MobileSource.Infrastructure.Persistence.Entities;

/// <summary>A picture of an ANPR event (plate close-up, scene), hashed when stored.</summary>
public sealed class AnprPicture
{
    public long Id { get; set; }
    public Guid AnprEventId { get; set; }
    /// <summary>The multipart part's name or file name, e.g. licensePlatePicture.jpg.</summary>
    public string Name { get; set; } = "";
    public string RelativePath { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public long Size { get; set; }
    public string ContentType { get; set; } = "";
    public DateTime? PurgedAtUtc { get; set; }
}
