using MobileSource.Cameras.Captures;
using MobileSource.Vision.Analysis;
using OpenCvSharp;

namespace MobileSource.Cameras.Streams;

/// <summary>
/// Writes one capture's evidence into its own staging folder: the clip around the deciding frame (from the
/// camera's recorded segments) and the key frames as JPEG; returns the record for the capture sink.
/// </summary>
public sealed class EvidenceStager(CameraHostOptions host, ClipCutter clips)
{
    public async Task<CaptureEvidence> StageAsync(CameraOptions camera, SmokeCapture capture, DateTimeOffset decidedAt,
        string? recordingDirectory, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        var folder = Path.GetFullPath(Path.Combine(host.StagingRoot, $"{camera.Id}-{id:N}"));
        Directory.CreateDirectory(folder);
        var files = new List<EvidenceFile>();

        WriteJpeg(capture.VehicleImage, "vehicle", folder, files);
        WriteJpeg(capture.SmokeImage, "smoke", folder, files);
        WriteJpeg(capture.PlateImage, "plate", folder, files);
        if (recordingDirectory is not null)
        {
            var waitLimit = host.ClipPostRoll + TimeSpan.FromSeconds(4 * host.SegmentSeconds + 10);
            var clip = await clips.CutAsync(recordingDirectory, decidedAt - host.ClipPreRoll, decidedAt + host.ClipPostRoll,
                Path.Combine(folder, "clip.mp4"), waitLimit, ct);
            if (clip is not null)
            {
                files.Insert(0, new EvidenceFile("clip", clip, "video/mp4"));
            }
        }

        var evidence = new CaptureEvidence
        {
            CaptureId = id,
            CameraId = camera.Id,
            Site = camera.Site,
            Lane = camera.Lane,
            TravelDirection = camera.TravelDirection.ToString(),
            CapturedAt = decidedAt,
            VehicleClass = capture.VehicleClass.ToString(),
            SmokeScore = capture.SmokeScore,
            RingelmannLevel = capture.Ringelmann,
            Plate = capture.Plate?.Text,
            PlateConfidence = capture.Plate?.Confidence,
            PlateColour = capture.Plate?.Colour.ToString(),
            PlateSource = capture.Plate is null ? null : "vision",
            Files = files,
        };
        StagedCapture.Save(folder, evidence);
        return evidence;
    }

    private void WriteJpeg(Mat image, string kind, string folder, List<EvidenceFile> files)
    {
        if (image.Empty())
        {
            return;
        }
        var path = Path.Combine(folder, kind + ".jpg");
        Cv2.ImWrite(path, image, new ImageEncodingParam(ImwriteFlags.JpegQuality, host.JpegQuality));
        files.Add(new EvidenceFile(kind, path, "image/jpeg"));
    }
}
