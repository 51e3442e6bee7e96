using MobileSource.Vision.Plates;
using OpenCvSharp;

namespace MobileSource.Vision.Analysis;

/// <summary>What the analyzer has gathered about one track: smoke frames, key frames, plate reads.</summary>
internal sealed class TrackEvidence : IDisposable
{
    public float[]? PreviousGrid { get; set; }
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
    public List<float> Scores { get; } = [];
    private readonly Queue<bool> _recent = new();
    /// <summary>Whether enough of the recent measured frames were positive at some point of the track.</summary>
    public bool Smoky { get; private set; }

    public void RecordMeasurement(bool positive, int window, int needed)
    {
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

    public Mat? VehicleImage { get; private set; }
    public Rect VehicleBox { get; private set; }
    public long VehicleFrame { get; private set; }
    public TimeSpan VehicleSourceTime { get; private set; }
    public Mat? SmokeImage { get; private set; }
    public Rect SmokeBox { get; private set; }
    public float DensestCore { get; private set; } = -1;
    public Mat? PlateImage { get; private set; }
    public double PlateImageConfidence { get; private set; } = -1;

    public VehicleClass Class => ClassVotes.Count == 0 ? VehicleClass.Unknown : ClassVotes.MaxBy(kv => kv.Value).Key;

    /// <summary>Keeps the frame where the vehicle looks biggest (and is whole) as the vehicle key frame.</summary>
    public bool OfferVehicleView(Mat frame, Rect box, long index, TimeSpan sourceTime)
    {
        if (VehicleImage is not null && box.Width * box.Height <= VehicleBox.Width * VehicleBox.Height) return false;
        VehicleImage?.Dispose();
        VehicleImage = frame.Clone();
        VehicleBox = box;
        VehicleFrame = index;
        VehicleSourceTime = sourceTime;
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

    /// <summary>The voted plate, with the box of its most confident read.</summary>
    public PlateRead? Plate => Plates.Winner() is { } w ? new PlateRead(w.Text, w.Confidence, w.Colour, _bestReadByText[w.Text].Box) : null;

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
    public double MedianLevel()
    {
        if (PositiveLevels.Count == 0) return 0;
        var sorted = PositiveLevels.Order().ToList();
        var n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    public void Dispose()
    {
        VehicleImage?.Dispose();
        SmokeImage?.Dispose();
        PlateImage?.Dispose();
    }
}
