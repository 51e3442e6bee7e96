using System.Runtime.CompilerServices;

namespace MobileSource.FunctionalTests.Captures;

/// <summary>The sample camera pushes kept with the parser tests (tests/MobileSource.Cameras.Tests/Anpr/Payloads).</summary>
public static class AnprPayloads
{
    public static byte[] Read(string name) =>
        File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(Here())!, "..", "..", "MobileSource.Cameras.Tests", "Anpr", "Payloads", name));

    private static string Here([CallerFilePath] string path = "") => path;
}
