namespace MobileSource.Server.Streaming;

/// <summary>The TCP line protocol for devices that stream records (<c>Sensing:Tcp</c>).</summary>
public sealed class ReadingLineOptions
{
    public bool Enabled { get; set; }

    /// <summary>Address to listen on; 0.0.0.0 for every interface.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>Port; 0 takes any free one (tests), which <see cref="ReadingLineListener.Port"/> then tells.</summary>
    public int Port { get; set; } = 5081;

    /// <summary>A longer line is rejected by line number and skipped; a device record is well under 4 KB.</summary>
    public int MaxLineBytes { get; set; } = 64 * 1024;

    /// <summary>Records a connection may have sent but not yet had answered before the server stops reading from it.</summary>
    public int MaxUnansweredPerConnection { get; set; } = 5_000;

    /// <summary>A connection that sends nothing for this long is closed.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Time to send <c>AUTH &lt;key&gt;</c> after connecting.</summary>
    public TimeSpan AuthTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
