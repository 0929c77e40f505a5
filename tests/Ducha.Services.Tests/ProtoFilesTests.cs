using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Ducha.Services.Tests;

/// <summary>
/// A third party gets the .proto files and nothing else: they must compile with protoc from the repository's Protos
/// folder alone, as the README says (<c>protoc -I shared/Ducha.Contracts/Protos …</c>). protoc is the one Grpc.Tools
/// ships, laid out as a protoc release archive installs it (bin/protoc next to include/google/protobuf), so the
/// well-known types come with protoc as they do for any client and everything else must come from the repository.
/// </summary>
public sealed class ProtoFilesTests
{
    private static readonly string Protos = Path.Combine(RepositoryRoot(), "shared", "Ducha.Contracts", "Protos");

    public static TheoryData<string> ProtoFiles() => [.. Directory.GetFiles(Protos, "*.proto").Select(f => Path.GetFileName(f)!).Order()];

    [Theory]
    [MemberData(nameof(ProtoFiles))]
    public async Task Each_proto_compiles_with_only_the_repository_Protos_folder_on_the_include_path(string file)
    {
        var protoc = InstalledProtoc();
        var output = Path.Combine(Path.GetTempPath(), $"ducha-protoc-{Guid.NewGuid():N}");
        Directory.CreateDirectory(output);
        try
        {
            var start = new ProcessStartInfo(protoc)
            {
                ArgumentList = { "-I", Protos, $"--descriptor_set_out={Path.Combine(output, "set.pb")}", "--include_imports", $"--csharp_out={output}", Path.Combine(Protos, file) },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start)!;
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.True(process.ExitCode == 0, $"protoc -I {Protos} {file} failed:\n{errors}");
            Assert.NotEmpty(Directory.GetFiles(output, "*.cs"));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void The_google_api_files_keep_their_license_header()
    {
        foreach (var name in new[] { "annotations.proto", "http.proto" })
        {
            var text = File.ReadAllText(Path.Combine(Protos, "google", "api", name));
            Assert.Contains("Copyright 2025 Google LLC", text);
            Assert.Contains("Licensed under the Apache License, Version 2.0", text);
        }
    }

    /// <summary>Grpc.Tools' protoc copied next to its well-known types, as bin/ and include/ of a protoc release.</summary>
    private static string InstalledProtoc()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var rid = (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "windows" : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "macosx" : "linux")
            + "_" + (RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "x64");
        var exe = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "protoc.exe" : "protoc";
        var tools = Directory.GetDirectories(Path.Combine(packages, "grpc.tools"))
            .Where(d => File.Exists(Path.Combine(d, "tools", rid, exe)))
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version())
            .FirstOrDefault() ?? throw new InvalidOperationException($"No Grpc.Tools with tools/{rid}/{exe} under {packages}; restore the solution first.");

        var root = Path.Combine(Path.GetTempPath(), $"ducha-protoc-{Path.GetFileName(tools)}-{Environment.ProcessId}");
        var installed = Path.Combine(root, "bin", exe);
        if (!File.Exists(installed))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(installed)!);
            CopyTree(Path.Combine(tools, "build", "native", "include"), Path.Combine(root, "include"));
            File.Copy(Path.Combine(tools, "tools", rid, exe), installed, overwrite: true);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(installed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return installed;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ducha.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Ducha.slnx) above " + AppContext.BaseDirectory);
    }
}
