using System.Runtime.InteropServices;

namespace LocalOffer.Core.Safety;

/// <summary>What a path names, links followed: nothing, a regular file, a folder, or something else.</summary>
public enum PathKind { Absent, Regular, Folder, Other }

/// <summary>
/// Tells a regular file from a device, FIFO or socket (issue 24, item 4: `--out /dev/null` as root
/// replaced the device with a file of results). .NET's FileInfo does not expose the file type, so
/// this asks the runtime's own native shim (SystemNative_Stat, which .NET itself uses on every Unix
/// for File.Exists and friends; its FileStatus starts with two int32s, Flags then Mode). Where that
/// is not available (Windows, WebAssembly), an existing path that is not a folder counts as regular.
/// </summary>
public static partial class FileKind
{
    private const int TypeMask = 0xF000, Fifo = 0x1000, CharDevice = 0x2000, Folder = 0x4000,
        BlockDevice = 0x6000, Regular = 0x8000, Socket = 0xC000;

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Stat(string path, byte* status);

    public static PathKind Of(string path)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            try
            {
                return OfUnix(path);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
        }
        return Directory.Exists(path) ? PathKind.Folder : File.Exists(path) ? PathKind.Regular : PathKind.Absent;
    }

    private static unsafe PathKind OfUnix(string path)
    {
        // Far larger than the runtime's FileStatus (about 140 bytes), so a newer layout cannot overrun it.
        var status = stackalloc byte[512];
        // A stat that fails while the path then exists is a race with another writer's rename into place (two
        // runs on one output: seen in CI as "not a regular file"): stat again before calling it anything else.
        var failed = true;
        for (var attempt = 0; attempt < 3 && failed; attempt++) failed = Stat(path, status) != 0;
        if (failed) return File.Exists(path) || Directory.Exists(path) ? PathKind.Other : PathKind.Absent;
        var mode = *(int*)(status + 4);
        return (mode & TypeMask) switch
        {
            Regular => PathKind.Regular,
            Folder => PathKind.Folder,
            Fifo or CharDevice or BlockDevice or Socket => PathKind.Other,
            _ => PathKind.Other,
        };
    }

    /// <summary>Throws when <paramref name="path"/> exists and is not a regular file (an output may only replace one).</summary>
    public static void CheckOutput(string option, string path)
    {
        switch (Of(path))
        {
            case PathKind.Folder: throw new OutputPathException($"{option} {path} is a folder: give a file name");
            case PathKind.Other:
                throw new OutputPathException($"{option} {path} is not a regular file (a device, pipe or socket): " +
                    "refusing to replace it");
        }
    }
}
