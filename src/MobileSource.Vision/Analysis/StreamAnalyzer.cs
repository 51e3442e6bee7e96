using MobileSource.Vision.Motion;
using MobileSource.Vision.Plates;
using MobileSource.Vision.Smoke;
using MobileSource.Vision.Tracking;
using MobileSource.Vision.Video;
using OpenCvSharp;

namespace MobileSource.Vision.Analysis;

/// <summary>
/// Motion gating, tracking, smoke and Ringelmann per track, plate reading, capture decisions — for one camera.
/// Works on a downscaled copy of each frame; boxes it reports are in the frame's coordinates.
/// </summary>
public sealed class StreamAnalyzer : IStreamAnalyzer
{
    private readonly StreamAnalyzerOptions _options;
    private readonly ISmokeClassifier? _classifier;
    private readonly IPlateReader? _plates;
    private readonly Action<SmokeObservation>? _observer;
    private readonly IVehicleDetector? _vehicleDetector;
    private readonly SmokePatchModel? _patches;
    private VehicleTracker _tracker;
    private readonly SmokeFeatureExtractor _extractor = new();
    private readonly Dictionary<int, TrackEvidence> _evidence = [];
    private readonly CapturedVehicles _captured;
    private MotionAnalyzer? _motion;
    private BlobFinder? _blobs;
    private Size _frameSize;
    private double _scale = 1;
    private VideoFrame? _lastFrame;

    /// <param name="classifier">The smoke model; without one nothing is ever smoky (feature collection for training).</param>
    /// <param name="plateReader">Reads plates of smoke candidates; without one captures carry no plate.</param>
    /// <param name="observer">Called with every smoke measurement (training data, diagnostics).</param>
    /// <param name="vehicleDetector">Finds the vehicles instead of the motion blobs, when given.</param>
    /// <param name="patchModel">
    /// The smoke patch network that fills <see cref="SmokeFeatures.PatchScore"/> and <see cref="SmokeFeatures.PatchLevel"/>;
    /// by default the classifier's own (training collects features without a classifier).
    /// </param>
    public StreamAnalyzer(StreamAnalyzerOptions options, ISmokeClassifier? classifier, IPlateReader? plateReader,
        Action<SmokeObservation>? observer = null, IVehicleDetector? vehicleDetector = null, SmokePatchModel? patchModel = null)
    {
        options.Validate();
        _options = options;
        _classifier = classifier;
        _plates = plateReader;
        _observer = observer;
        _vehicleDetector = vehicleDetector;
        _patches = patchModel ?? classifier?.Patches;
        _tracker = new VehicleTracker(options.Tracker);
        _captured = new CapturedVehicles(options.DuplicateWindow, options.SamePlateWindow);
    }

    public int VehiclesSeen => _tracker.ConfirmedCount;
    public FrameOverlay LastOverlay { get; private set; } = FrameOverlay.Empty;
    private IReadOnlyList<Rect> _lastBlobs = [];
    /// <summary>The last frame's vehicle boxes (the detector's, or the motion blobs; frame coordinates), tracked or not, for diagnostics.</summary>
    public IReadOnlyList<Rect> LastBlobs => _lastBlobs.Select(ToFrame).ToList();

    public IReadOnlyList<SmokeCapture> Process(VideoFrame frame)
    {
        var image = frame.Image;
        if (image.Empty() || image.Type() != MatType.CV_8UC3)
            throw new ArgumentException($"frame {frame.Index}: expected a BGR CV_8UC3 image, got {image.Type()}", nameof(frame));
        EnsureSize(image.Size(), frame.Index);
        _lastFrame = frame;
        var motion = _motion!.Analyze(image);
        if (!motion.BackgroundReady)
        {
            LastOverlay = new FrameOverlay(frame.Index, []);
            return [];
        }
        // Motion gate: a still road with nothing tracked needs no detector or blob search.
        var blobs = motion.ForegroundFraction < 0.0005 && _tracker.Active.Count == 0 ? []
            : _vehicleDetector is not null ? DetectedBoxes(frame, motion) : _blobs!.Find(motion);
        _lastBlobs = blobs;
        var ended = _tracker.Update(blobs, frame.Index, frame.SourceTime, blobs.Select(b => MeanColour(motion, b)).ToList());
        var captures = new List<SmokeCapture>();
        var overlays = new List<TrackOverlay>();
        var analysisSize = new Size(motion.Width, motion.Height);
        var vehicles = VehicleBoxes(image, analysisSize, frame.Index, ended);
        foreach (var track in _tracker.Active)
        {
            if (!track.Seen || !_tracker.IsConfirmed(track)) continue;
            var evidence = _evidence[track.Id];
            var vehicle = vehicles[track.Id];
            evidence.Remember(frame.Index, vehicle);
            var box = ToFrame(vehicle);
            var vehicleClass = VehicleClassifier.Classify(track.Box, analysisSize);
            evidence.ClassVotes[vehicleClass] = evidence.ClassVotes.GetValueOrDefault(vehicleClass) + 1;
            var plateRegion = PlateSearch.Region(box, evidence.Rear, image.Size());
            if (!TouchesBorder(track.Box, analysisSize)) evidence.OfferVehicleView(image, box, plateRegion, frame.Index, frame.SourceTime);
            var others = vehicles.Where(v => v.Key != track.Id).Select(v => v.Value).ToList();
            var (score, region) = MeasureSmoke(track.Id, vehicle, others, evidence, motion, frame);
            if (evidence.PositiveFrames > 0 && !evidence.Decided) ReadPlate(evidence, image, plateRegion, frame.Index);
            var capture = !evidence.Decided && ReadyForEarlyDecision(evidence) ? Decide(track, evidence, frame, vehicles) : null;
            if (capture is not null) captures.Add(capture);
            overlays.Add(new TrackOverlay(track.Id, evidence.Class, box, region is { } r ? ToFrame(r) : null, score,
                evidence.Plate?.Text));
        }
        foreach (var track in ended) EndTrack(track, frame, captures);
        LastOverlay = new FrameOverlay(frame.Index, overlays);
        return captures;
    }

    public IReadOnlyList<SmokeCapture> Complete()
    {
        var captures = new List<SmokeCapture>();
        if (_lastFrame is null) return captures;
        foreach (var track in _tracker.EndAll()) EndTrack(track, _lastFrame, captures);
        return captures;
    }

    /// <summary>The last frame's pixel classes at analysis size (black background, blue shade, white object), for diagnostics.</summary>
    public Mat RenderPixelClasses()
    {
        if (_motion is null) return new Mat();
        var f = _motion.Current;
        var bgr = new byte[f.Width * f.Height * 3];
        for (var p = 0; p < f.Class.Length; p++)
        {
            var c = f.Class[p];
            bgr[p * 3] = c == PixelClass.Background ? (byte)0 : (byte)255;
            bgr[p * 3 + 1] = bgr[p * 3 + 2] = c == PixelClass.Object ? (byte)255 : (byte)0;
        }
        var m = new Mat(f.Height, f.Width, MatType.CV_8UC3);
        System.Runtime.InteropServices.Marshal.Copy(bgr, 0, m.Data, bgr.Length);
        return m;
    }

    /// <summary>The background the last frame was compared with (scaled by its estimated gain), at analysis size, for diagnostics.</summary>
    public Mat RenderBackground()
    {
        if (_motion is null) return new Mat();
        var gain = _motion.Current.Gain;
        var bgr = _motion.Background.Bgr.Select(v => (byte)Math.Clamp(v * gain + 0.5f, 0f, 255f)).ToArray();
        var m = new Mat(_motion.Height, _motion.Width, MatType.CV_8UC3);
        System.Runtime.InteropServices.Marshal.Copy(bgr, 0, m.Data, bgr.Length);
        return m;
    }

    private static Vec3f MeanColour(MotionFrame f, Rect box)
    {
        double b = 0, g = 0, r = 0;
        for (var y = box.Top; y < box.Bottom; y++)
        for (int x = box.Left, i = (y * f.Width + box.Left) * 3; x < box.Right; x++, i += 3)
        {
            b += f.Bgr[i];
            g += f.Bgr[i + 1];
            r += f.Bgr[i + 2];
        }
        var n = Math.Max(1, box.Width * box.Height);
        return new Vec3f((float)(b / n), (float)(g / n), (float)(r / n));
    }

    /// <summary>
    /// The box of every track seen on this frame (analysis coordinates). Confirmed tracks of vehicles driving away are
    /// brought onto their tail lamps where these are found (<see cref="VehicleRear.Fit"/>): the smoke region must start
    /// where the vehicle meets the road, not where its blob happens to end.
    /// </summary>
    /// <param name="ended">Tracks that ended on this frame; a track found to have been taken over by another vehicle is added.</param>
    private Dictionary<int, Rect> VehicleBoxes(Mat image, Size analysisSize, long frameIndex, List<Track> ended)
    {
        var boxes = new Dictionary<int, Rect>();
        foreach (var seen in _tracker.Active.ToList())
        {
            var track = seen;
            if (!track.Seen) continue;
            var box = track.Box;
            if (_tracker.IsConfirmed(track))
            {
                if (!_evidence.TryGetValue(track.Id, out var evidence)) _evidence[track.Id] = evidence = new TrackEvidence();
                if (_options.UseRearLamps && _options.Direction == TravelDirection.Away)
                {
                    var rear = RearLampFinder.Find(image, ToFrame(box), evidence.Rear);
                    if (evidence.RearTakenOver(rear, frameIndex, RearMemoryFrames))
                    {
                        // The vehicle that ran into this track's blob from behind has the track now: what was gathered
                        // belongs to the vehicle ahead, so that track ends and this one starts afresh.
                        ended.Add(track);
                        track = _tracker.Split(track);
                        _evidence[track.Id] = evidence = new TrackEvidence();
                        evidence.RearTakenOver(rear, frameIndex, RearMemoryFrames);
                    }
                    evidence.Rear = rear;
                    if (rear is { } fitted) box = fitted.Scaled(1 / _scale).Fit(box, analysisSize);
                }
            }
            boxes[track.Id] = box;
        }
        return boxes;
    }

    /// <summary>How long (frames) a track's last tail lamps are compared with new ones to tell a take-over.</summary>
    private const int RearMemoryFrames = 60;

    private (float? Score, Rect? Region) MeasureSmoke(int trackId, Rect vehicle, List<Rect> others, TrackEvidence evidence, MotionFrame motion, VideoFrame frame)
    {
        var size = new Size(motion.Width, motion.Height);
        if (SmokeRegion.VisibleFraction(vehicle, _options.Direction, size) < _options.MinVisibleRegion) return (null, null);
        var region = SmokeRegion.Behind(vehicle, _options.Direction, size);
        if (region.Width < 4 || region.Height < 4) return (null, null);
        var grid = new float[SmokeFeatureExtractor.GridSize * SmokeFeatureExtractor.GridSize];
        var m = _extractor.Extract(motion, _motion!.Previous, _motion.Background.Bgr, vehicle, region, _options.Direction,
            others, evidence.PreviousGrid, grid);
        evidence.PreviousGrid = grid;
        if (!m.Measured) return (null, region);
        SmokeTrail.Fill(m.Features, motion, vehicle, evidence.History, frame.Index, _options.Direction, others);
        var patch = _patches is not null || _options.RecordSmokePatches
            ? SmokePatch.Cut(frame.Image, ToFrame(region), AnalysisImageOf(motion), region)
            : null;
        if (_patches is not null) (m.Features[SmokeFeatures.PatchScore], m.Features[SmokeFeatures.PatchLevel]) = _patches.Score(patch!);
        var score = _classifier?.Score(m.Features) ?? 0f;
        evidence.MeasuredFrames++;
        evidence.RecordMeasurement(score, m.Features, (float)_options.SmokeThreshold, _options.PositiveWindow, _options.MinPositiveFrames);
        _observer?.Invoke(new SmokeObservation(trackId, frame.Index, frame.SourceTime, ToFrame(vehicle), ToFrame(region),
            m.Features, score, m.CoreOpacity) { Patch = _options.RecordSmokePatches ? patch : null });
        if (score >= _options.SmokeThreshold)
        {
            var level = _classifier?.Level(m.Features) ?? 5f * m.CoreOpacity;
            evidence.AddPositive(score, m.CoreOpacity, level, frame.Image, ToFrame(region));
        }
        return (score, region);
    }

    private void ReadPlate(TrackEvidence evidence, Mat image, Rect region, long index)
    {
        if (_plates is null || evidence.PlateAttempts >= _options.MaxPlateReadsPerTrack) return;
        // The biggest views first (a receding vehicle is biggest when it enters), then every other frame.
        if (evidence.PlateAttempts == 0) ReadBestViews(evidence, index);
        if (index % 2 == 0 || evidence.PlateAttempts == 0) Read(evidence, image, region);
    }

    private void ReadBestViews(TrackEvidence evidence, long currentFrame)
    {
        foreach (var view in evidence.Views)
            if (view.Frame != currentFrame) Read(evidence, view.Image, view.PlateRegion);
    }

    private void Read(TrackEvidence evidence, Mat image, Rect region)
    {
        if (region.Width < 16 || region.Height < 8) return;
        evidence.PlateAttempts++;
        var read = _plates!.Read(image, region);
        if (read is not null) evidence.AddPlate(read, image);
    }

    private bool ReadyForEarlyDecision(TrackEvidence evidence)
    {
        if (evidence.PositiveFrames < _options.RingelmannFrames) return false;
        // The plate first: it is cheap, and the track model (summing up every measured frame) need not run each frame
        // while the plate is still being read.
        if (_plates is not null)
        {
            var plate = evidence.Plate;
            var plateReady = plate is not null && plate.Confidence >= _options.GoodPlateConfidence || evidence.PlateAttempts >= _options.MaxPlateReadsPerTrack;
            if (!plateReady) return false;
        }
        return Qualifies(evidence);
    }

    /// <summary>
    /// Whether the track is smoky: by the track model where one exists, otherwise by counting positive frames against
    /// the gates. Either way it takes <see cref="StreamAnalyzerOptions.MinPositiveFrames"/> positive frames: the
    /// evidence a reviewer sees, and the frames the level comes from.
    /// </summary>
    private bool Qualifies(TrackEvidence evidence)
    {
        if (evidence.PositiveFrames < _options.MinPositiveFrames) return false;
        if (_classifier?.TrackScore(evidence.TrackFeatures()) is { } trackScore) return trackScore >= _options.TrackThreshold;
        return evidence.Smoky
               && evidence.PositiveScores.Average() >= _options.MinTrackScore
               && evidence.PositiveFrames >= _options.MinPositiveShare * evidence.MeasuredFrames;
    }

    private void EndTrack(Track track, VideoFrame frame, List<SmokeCapture> captures)
    {
        if (!_evidence.Remove(track.Id, out var evidence)) return;
        using (evidence)
        {
            if (!evidence.Decided && Qualifies(evidence))
            {
                if (_plates is not null && evidence.PlateAttempts == 0) ReadBestViews(evidence, -1);
                var capture = Decide(track, evidence, frame, boxesNow: null);
                if (capture is not null) captures.Add(capture);
            }
        }
    }

    /// <param name="boxesNow">The vehicle boxes of the tracks seen on this frame, or null when the track has ended.</param>
    private SmokeCapture? Decide(Track track, TrackEvidence evidence, VideoFrame frame, IReadOnlyDictionary<int, Rect>? boxesNow)
    {
        evidence.Decided = true;
        var level = RingelmannScale.Quantize(_classifier?.TrackLevel(evidence.PositiveLevels, evidence.TrackFeatures()) ?? evidence.MedianLevel());
        var plate = evidence.Plate;
        if (level <= 0 || _captured.Covers(track, plate?.Text, boxesNow)) return null;
        _captured.Add(track, plate?.Text);
        return new SmokeCapture
        {
            TrackId = track.Id,
            VehicleClass = evidence.Class,
            FirstFrame = track.FirstFrame,
            LastFrame = track.LastFrame,
            FirstSourceTime = track.FirstSourceTime,
            LastSourceTime = track.LastSourceTime,
            DecidingFrame = frame.Index,
            DecidingSourceTime = frame.SourceTime,
            DecidedAt = frame.CapturedAt,
            SmokeScore = evidence.PositiveScores.Average(),
            MeasuredFrames = evidence.MeasuredFrames,
            PositiveFrames = evidence.PositiveFrames,
            Ringelmann = level,
            Plate = plate,
            VehicleBox = evidence.VehicleImage is null ? ToFrame(track.Box) : evidence.VehicleBox,
            VehicleSourceTime = evidence.VehicleImage is null ? track.LastSourceTime : evidence.VehicleSourceTime,
            SmokeBox = evidence.SmokeBox,
            // At the end of a stream the last frame may already be disposed by its reader: fall back to the kept views.
            VehicleImage = KeyFrame(evidence.VehicleImage ?? evidence.SmokeImage, frame),
            SmokeImage = KeyFrame(evidence.SmokeImage ?? evidence.VehicleImage, frame),
            PlateImage = evidence.PlateImage?.Clone() ?? new Mat(),
        };
    }

    private static Mat KeyFrame(Mat? kept, VideoFrame frame) =>
        kept is { IsDisposed: false } ? kept.Clone() : frame.Image.IsDisposed ? new Mat() : frame.Image.Clone();

    private void EnsureSize(Size size, long index)
    {
        if (_motion is not null)
        {
            if (size != _frameSize)
                throw new ArgumentException($"frame {index}: size {size.Width}x{size.Height} differs from the stream's {_frameSize.Width}x{_frameSize.Height}");
            return;
        }
        _frameSize = size;
        var width = Math.Min(_options.AnalysisWidth, size.Width);
        var height = Math.Max(16, (int)Math.Round(size.Height * (double)width / size.Width));
        _scale = size.Width / (double)width;
        _motion = new MotionAnalyzer(width, height, _options.Motion);
        _blobs = new BlobFinder(width, height, _options.Motion);
        _tracker = new VehicleTracker(_options.Direction == TravelDirection.Away
            ? _options.Tracker with { RecedingFrameHeight = height }
            : _options.Tracker);
    }

    private Rect ToFrame(Rect r)
    {
        var x0 = (int)Math.Floor(r.Left * _scale);
        var y0 = (int)Math.Floor(r.Top * _scale);
        var x1 = Math.Min(_frameSize.Width, (int)Math.Ceiling(r.Right * _scale));
        var y1 = Math.Min(_frameSize.Height, (int)Math.Ceiling(r.Bottom * _scale));
        return new Rect(x0, y0, Math.Max(0, x1 - x0), Math.Max(0, y1 - y0));
    }

    /// <summary>The detector's boxes, clipped to the frame; boxes too small to track are dropped.</summary>
    private AnalysisImage AnalysisImageOf(MotionFrame motion) => new(motion.Width, motion.Height, motion.Bgr, _motion!.Background.Bgr, motion.Gain);

    private List<Rect> DetectedBoxes(VideoFrame frame, MotionFrame motion)
    {
        var size = new Size(motion.Width, motion.Height);
        var image = AnalysisImageOf(motion);
        return _vehicleDetector!.Detect(frame, image)
            .Select(r => SmokeRegion.Clip(r, size))
            .Where(r => r.Width >= 3 && r.Height >= 3)
            .ToList();
    }

    private static bool TouchesBorder(Rect r, Size s) => r.Left <= 1 || r.Top <= 1 || r.Right >= s.Width - 1 || r.Bottom >= s.Height - 1;

    public void Dispose()
    {
        foreach (var e in _evidence.Values) e.Dispose();
        _evidence.Clear();
        _motion?.Dispose();
        _blobs?.Dispose();
    }
}
