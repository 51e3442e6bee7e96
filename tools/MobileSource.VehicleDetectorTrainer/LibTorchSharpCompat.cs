using System.Text;

namespace MobileSource.VehicleDetectorTrainer;

/// <summary>
/// TorchSharp 0.107's libLibTorchSharp.so was linked by GCC 13 and asks libstdc++ for the version GLIBCXX_3.4.32, which
/// Debian 12's libstdc++ (GCC 12, up to 3.4.30) lacks, so it will not load. The only symbol it wants at that version is
/// std::ios_base_library_init, which GCC 13 headers reference (no call, no relocation) to pull in the stream set-up that
/// GCC 12's library does anyway. Renaming that one version need to GLIBCXX_3.4.30 (same length, new ELF hash) in this
/// program's own copy of the library lets it load. Nothing else is changed, and a library that does not ask is left alone.
/// </summary>
internal static class LibTorchSharpCompat
{
    private const string Wanted = "GLIBCXX_3.4.32";
    private const string Available = "GLIBCXX_3.4.30";

    public static void Apply()
    {
        if (!OperatingSystem.IsLinux()) return;
        var path = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (!File.Exists(path) || SystemHas(Wanted)) return;
        var bytes = File.ReadAllBytes(path);
        if (RenameVersionNeed(bytes, Wanted, Available))
        {
            File.WriteAllBytes(path, bytes);
            Console.Error.WriteLine($"{AppDomain.CurrentDomain.FriendlyName}: {path} asked for {Wanted}; now asks for {Available} (see LibTorchSharpCompat)");
        }
    }

    private static bool SystemHas(string version)
    {
        var lib = "/usr/lib/x86_64-linux-gnu/libstdc++.so.6";
        return !File.Exists(lib) || Encoding.ASCII.GetString(File.ReadAllBytes(lib)).Contains(version, StringComparison.Ordinal);
    }

    /// <summary>Walks the ELF64 .gnu.version_r section and renames the matching auxiliary entry in place.</summary>
    internal static bool RenameVersionNeed(byte[] elf, string from, string to)
    {
        if (from.Length != to.Length) throw new ArgumentException("the names must be as long as each other");
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2) throw new InvalidDataException("not an ELF64 file");
        var sectionHeaders = (int)BitConverter.ToUInt64(elf, 0x28);
        int entrySize = BitConverter.ToUInt16(elf, 0x3a), count = BitConverter.ToUInt16(elf, 0x3c);
        for (var i = 0; i < count; i++)
        {
            var h = sectionHeaders + i * entrySize;
            const uint verneed = 0x6ffffffe; // SHT_GNU_verneed
            if (BitConverter.ToUInt32(elf, h + 4) != verneed) continue;
            var strings = sectionHeaders + (int)BitConverter.ToUInt32(elf, h + 40) * entrySize; // sh_link: the string table
            var stringsOffset = (int)BitConverter.ToUInt64(elf, strings + 24);
            var need = (int)BitConverter.ToUInt64(elf, h + 24);
            while (true)
            {
                int auxCount = BitConverter.ToUInt16(elf, need + 2);
                var aux = need + (int)BitConverter.ToUInt32(elf, need + 8);
                for (var a = 0; a < auxCount; a++)
                {
                    var name = stringsOffset + (int)BitConverter.ToUInt32(elf, aux + 8);
                    if (Encoding.ASCII.GetString(elf, name, from.Length) == from && elf[name + from.Length] == 0)
                    {
                        Encoding.ASCII.GetBytes(to).CopyTo(elf, name);
                        BitConverter.GetBytes(ElfHash(to)).CopyTo(elf, aux);
                        return true;
                    }
                    aux += (int)BitConverter.ToUInt32(elf, aux + 12);
                }
                var next = BitConverter.ToUInt32(elf, need + 12);
                if (next == 0) break;
                need += (int)next;
            }
        }
        return false;
    }

    private static uint ElfHash(string name)
    {
        uint h = 0;
        foreach (var c in Encoding.ASCII.GetBytes(name))
        {
            h = (h << 4) + c;
            var g = h & 0xf0000000;
            if (g != 0) h ^= g >> 24;
            h &= ~g;
        }
        return h;
    }
}
