using System.Runtime.CompilerServices;
using MobileSource.Cameras.Anpr;

namespace MobileSource.Cameras.Tests.Anpr;

/// <summary>Sample camera pushes kept next to this file (Payloads/), read from the source tree.</summary>
public static class Payloads
{
    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(Here())!, "Payloads", name));

    public static AnprPart Part(string name, string? contentType = null) => new(name, name, contentType, Read(name));

    private static string Here([CallerFilePath] string path = "") => path;
}
