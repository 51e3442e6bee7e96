using MobileSource.Vision.Plates;
using OpenCvSharp;

namespace MobileSource.Vision.Analysis;

/// <summary>What the analyzer has gathered about one track: smoke frames, key frames, plate reads.</summary>
internal sealed class TrackEvidence : IDisposable
{
    public float[]? PreviousGrid { get; set; }
    /// <summary>The tail lamps found on the latest frame (frame coordinates), if any.</summary>
    public Tracking.VehicleRear? Rear { get; set; }
    private readonly Queue<(Tracking.VehicleRear Rear, long Frame)> _recentRears = new();

    /// <summary>How many of the latest rears a new one is compared with.</summary>
    private const int RearsCompared = 3;

    /// <summary>
    /// Whether <paramref name="rear"/> belongs to another vehicle than each of the last few rears found within the last
    /// <paramref name="memory"/> frames (and there was one): one odd pair (a reflector strip taken for the lamps) makes
    /// no take-over. Then remembers it.
    /// </summary>
    public bool RearTakenOver(Tracking.VehicleRear? rear, long frame, int memory)
    {
        while (_recentRears.Count > 0 && (frame - _recentRears.Peek().Frame > memory || _recentRears.Count > RearsCompared)) _recentRears.Dequeue();
        if (rear is not { } found) return false;
        var takenOver = _recentRears.Count > 0 && _recentRears.All(r => found.IsAnotherVehicleThan(r.Rear));
        _recentRears.Enqueue((found, frame));
        return takenOver;
    }
    private readonly List<(long Frame, Rect Box)> _history = [];
    /// <summary>The track's boxes (analysis coordinates) over the last second or so, oldest first: the trail's corridor.</summary>
    public IReadOnlyList<(long Frame, Rect Box)> History => _history;

    public void Remember(long frame, Rect box)
    {
        _history.Add((frame, box));
        if (_history.Count > Smoke.SmokeTrail.MaxAgeFrames + 2) _history.RemoveAt(0);
    }
    public int PositiveFrames { get; private set; }
    /// <summary>Frames whose region behind the vehicle was measured (scored by the model), positive or not.</summary>
    public int MeasuredFrames { get; set; }
    private readonly Queue<bool> _recent = new();
    /// <summary>Whether enough of the recent measured frames were positive at some point of the track.</summary>
    public bool Smoky { get; private set; }

    private readonly List<float> _scores = [];
    private readonly List<float[]> _frames = [];

    /// <summary>
    /// Measured frames the track model looks back over (a minute at 10 fps): a vehicle waiting in a queue in view must
    /// not grow its evidence without bound.
    /// </summary>
    public const int MaxRememberedFrames = 600;

    /// <summary>The model score and features of every measured frame, oldest first: the track model's input.</summary>
    public float[] TrackFeatures() => Smoke.TrackSmokeFeatures.Compute(_scores, _frames);

    public void RecordMeasurement(float score, float[] features, float threshold, int window, int needed)
    {
        _scores.Add(score);
        _frames.Add(features);
        if (_scores.Count > MaxRememberedFrames)
        {
            _scores.RemoveAt(0);
            _frames.RemoveAt(0);
        }
        var positive = score >= threshold;
        _recent.Enqueue(positive);
        if (_recent.Count > window) _recent.Dequeue();
        if (!Smoky && _recent.Count(p => p) >= needed) Smoky = true;
    }
    public List<float> PositiveCores { get; } = [];
    public List<float> PositiveScores { get; } = [];
    public bool Decided { get; set; }
    public PlateVote Plates { get; } = new();
    /// <summary>Plate read attempts, with or without a result.</summary>
    public int PlateAttempts { get; set; }
    private readonly Dictionary<string, PlateRead> _bestReadByText = [];
    public Dictionary<VehicleClass, int> ClassVotes { get; } = [];

    /// <summary>How many of the biggest whole views are kept: the sharpest plate reads of a receding vehicle.</summary>
    public const int MaxViews = 3;
    private readonly List<VehicleView> _views = [];
    /// <summary>The biggest whole views of the vehicle, biggest first.</summary>
    public IReadOnlyList<VehicleView> Views => _views;
    public Mat? VehicleImage => _views.Count > 0 ? _views[0].Image : null;
    public Rect VehicleBox => _views.Count > 0 ? _views[0].Box : default;
    public long VehicleFrame => _views.Count > 0 ? _views[0].Frame : -1;
    public TimeSpan VehicleSourceTime => _views.Count > 0 ? _views[0].SourceTime : default;
    public Mat? SmokeImage { get; private set; }
    public Rect SmokeBox { get; private set; }
    public float DensestCore { get; private set; } = -1;
    public Mat? PlateImage { get; private set; }
    public double PlateImageConfidence { get; private set; } = -1;

    public VehicleClass Class => ClassVotes.Count == 0 ? VehicleClass.Unknown : ClassVotes.MaxBy(kv => kv.Value).Key;

    /// <summary>Keeps the frames where the vehicle looks biggest (and is whole); the biggest is the vehicle key frame.</summary>
    public bool OfferVehicleView(Mat frame, Rect box, Rect plateRegion, long index, TimeSpan sourceTime)
    {
        var area = box.Width * box.Height;
        if (_views.Count == MaxViews && area <= _views[^1].Area) return false;
        var at = _views.FindIndex(v => area > v.Area);
        _views.Insert(at < 0 ? _views.Count : at, new VehicleView(frame.Clone(), box, plateRegion, index, sourceTime));
        if (_views.Count > MaxViews)
        {
            _views[^1].Image.Dispose();
            _views.RemoveAt(_views.Count - 1);
        }
        return true;
    }

    public List<float> PositiveLevels { get; } = [];

    public void AddPositive(float score, float core, float level, Mat frame, Rect smokeBox)
    {
        PositiveFrames++;
        PositiveLevels.Add(level);
        PositiveScores.Add(score);
        PositiveCores.Add(core);
        if (core <= DensestCore) return;
        DensestCore = core;
        SmokeImage?.Dispose();
        SmokeImage = frame.Clone();
        SmokeBox = smokeBox;
    }

    /// <summary>
    /// The voted plate, with the box of its most confident read; the characters may come from different reads, so when
    /// no single read has the voted text the box is that of the most confident read of any text.
    /// </summary>
    public PlateRead? Plate => Plates.Winner() is { } w
        ? new PlateRead(w.Text, w.Confidence, w.Colour,
            _bestReadByText.TryGetValue(w.Text, out var read) ? read.Box : _bestReadByText.Values.MaxBy(r => r.Confidence)!.Box)
        : null;

    public void AddPlate(PlateRead read, Mat frame)
    {
        Plates.Add(read);
        if (!_bestReadByText.TryGetValue(read.Text, out var best) || read.Confidence > best.Confidence) _bestReadByText[read.Text] = read;
        if (read.Confidence <= PlateImageConfidence) return;
        var box = read.Box & new Rect(0, 0, frame.Width, frame.Height);
        if (box.Width <= 0 || box.Height <= 0) return;
        PlateImage?.Dispose();
        PlateImage = new Mat(frame, box).Clone();
        PlateImageConfidence = read.Confidence;
    }

    /// <summary>Median of the per-frame Ringelmann levels over the positive frames.</summary>
    public double MedianLevel() => RingelmannScale.TrackMedian(PositiveLevels);

    public void Dispose()
    {
        foreach (var view in _views) view.Image.Dispose();
        _views.Clear();
        SmokeImage?.Dispose();
        PlateImage?.Dispose();
    }
}

/// <summary>One kept frame of a tracked vehicle: the full frame, the vehicle's box in it and where its plate is looked for.</summary>
internal sealed record VehicleView(Mat Image, Rect Box, Rect PlateRegion, long Frame, TimeSpan SourceTime)
{
    public int Area => Box.Width * Box.Height;
}
