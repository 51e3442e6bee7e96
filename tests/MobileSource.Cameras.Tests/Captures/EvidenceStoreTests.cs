using MobileSource.Cameras.Captures;

namespace MobileSource.Cameras.Tests.Captures;

public sealed class EvidenceStoreTests : IDisposable
{
    private readonly CaptureTestBed _bed = new();

    [Fact]
    public async Task Stores_a_read_only_copy_with_its_SHA256_and_verifies_it()
    {
        var staged = _bed.Stage().Files[0].Path;
        var stored = await _bed.Store.StoreAsync(staged, "2026/11/28/x/clip.mp4", CancellationToken.None);

        Assert.Equal(CaptureTestBed.Sha256(staged), stored.Sha256);
        Assert.Equal(new FileInfo(staged).Length, stored.Size);
        var path = _bed.Store.FullPath(stored.RelativePath);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
        Assert.True(File.Exists(staged), "the staged file is deleted by the recorder after the commit, not by the store");

        var check = await _bed.Store.VerifyAsync(stored.RelativePath, stored.Sha256, CancellationToken.None);
        Assert.Equal(FileCheck.Intact, check.Result);
    }

    [Fact]
    public async Task Reports_a_changed_file_as_tampered_and_a_deleted_one_as_missing()
    {
        var stored = await _bed.Store.StoreAsync(_bed.Stage().Files[1].Path, "a/vehicle.jpg", CancellationToken.None);
        var path = _bed.Store.FullPath(stored.RelativePath);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await using (var stream = File.OpenWrite(path))
        {
            stream.WriteByte(0x42);
        }
        var tampered = await _bed.Store.VerifyAsync(stored.RelativePath, stored.Sha256, CancellationToken.None);
        Assert.Equal(FileCheck.Tampered, tampered.Result);
        Assert.NotEqual(stored.Sha256, tampered.ActualSha256);

        Assert.True(_bed.Store.Delete(stored.RelativePath));
        Assert.Equal(FileCheck.Missing, (await _bed.Store.VerifyAsync(stored.RelativePath, stored.Sha256, CancellationToken.None)).Result);
    }

    [Theory]
    [InlineData("../outside.jpg")]
    [InlineData("a/../../outside.jpg")]
    [InlineData("/etc/passwd")]
    public void Refuses_paths_outside_the_root(string relative) =>
        Assert.Throws<ArgumentException>(() => _bed.Store.FullPath(relative));

    [Fact]
    public void Capture_folders_are_by_UTC_day() =>
        Assert.Equal("2026/11/27/3f2504e0-4f89-11d3-9a0c-0305e82c3301",
            EvidenceStore.CaptureFolder(Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), new DateTime(2026, 11, 27, 23, 30, 0, DateTimeKind.Utc)));

    public void Dispose() => _bed.Dispose();
}
