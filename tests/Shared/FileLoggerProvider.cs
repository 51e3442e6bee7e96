using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MobileSource.Tests.Shared;

/// <summary>
/// Writes the in-process server's log to a file, so a failure on CI (where only the test output survives)
/// can be read afterwards: the path is printed in the failure message by <see cref="ServerFactory"/>.
/// </summary>
public sealed class FileLoggerProvider(string path) : ILoggerProvider
{
    private readonly StreamWriter _writer = new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    private readonly ConcurrentDictionary<string, FileLogger> _loggers = new();
    private readonly Lock _gate = new();

    public string Path { get; } = path;

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, c => new FileLogger(this, c));

    public void Dispose()
    {
        lock (_gate)
        {
            _writer.Dispose();
        }
    }

    private void Write(string category, LogLevel level, string message, Exception? exception)
    {
        lock (_gate)
        {
            if (_writer.BaseStream.CanWrite)
            {
                _writer.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {level,-11} {category}: {message}{(exception is null ? "" : Environment.NewLine + exception)}");
            }
        }
    }

    private sealed class FileLogger(FileLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= (category.StartsWith("Microsoft.", StringComparison.Ordinal) ? LogLevel.Information : LogLevel.Debug);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Write(category, logLevel, formatter(state, exception), exception);
            }
        }
    }
}
