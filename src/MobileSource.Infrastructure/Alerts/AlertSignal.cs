namespace MobileSource.Infrastructure.Alerts;

/// <summary>Tells open alert streams in this process that new alerts were committed.</summary>
public sealed class AlertSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task NextAsync() => Volatile.Read(ref _next).Task;

    public void Notify() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
