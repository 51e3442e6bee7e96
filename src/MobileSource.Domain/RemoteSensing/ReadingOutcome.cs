namespace MobileSource.Domain.RemoteSensing;

public enum ReadingOutcome
{
    Pass,
    Fail,
    Invalid,
}
