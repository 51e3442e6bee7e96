namespace MobileSource.HardwareSim.RemoteSensing;

/// <summary>
/// What the simulator meant by one record, written to the truth file. <c>Kind</c>: valid, invalid (a driving or weather
/// condition outside the validity rules: <c>Cause</c> says which), lowConfidence (plate read below 80 %), malformed
/// (the server must reject it: <c>Cause</c> names the broken field) or replay (a record sent before, sent again).
/// <c>Expected</c> is the status the server should answer (accepted, duplicate, rejected) and <c>Outcome</c> the
/// judgement of an accepted record against the default limits (pass, fail, invalid).
/// </summary>
public sealed record RsdTruth(
    long Seq,
    string Site,
    string? RecordNo,
    string Plate,
    char Fuel,
    int EmissionStage,
    bool HighEmitter,
    string Kind,
    string? Cause,
    string Expected,
    string? Outcome);

/// <summary>One record ready to send: its JSON text (UTF-8, no line breaks) and what it was meant to be.</summary>
public sealed record RsdRecord(byte[] Json, RsdTruth Truth);
